using System.Globalization;
using HybridSim.Specs.Validation;

namespace HybridSim.Sweeps;

/// <summary>
/// <c>--shard I/N</c>: this process runs the points whose position in the plan is I modulo N (I from 0 to N-1, as
/// Slurm's <c>--array=0-(N-1)</c> and Kubernetes' <c>JOB_COMPLETION_INDEX</c> count). N shards cover every point exactly once.
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    public static readonly ShardSpec All = new(0, 1);

    public bool Contains(int position) => position % Count == Index;

    public static ShardSpec Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || index >= count)
        {
            throw new SpecException(new SpecError("--shard", 0, 0, text, "expected I/N with 0 <= I < N (e.g. --shard 0/4 ... --shard 3/4)"));
        }

        return new ShardSpec(index, count);
    }

    public override string ToString() => $"{Index}/{Count}";
}
