using System.Globalization;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Import;

/// <summary>
/// The workload's optional <c>dataset:</c> line as <c>hybridsim import</c> writes it (workloads/README.md): the one
/// place that turns a <see cref="DatasetSpec"/> into YAML, whether its mean/std come from input normalization folded
/// out of the model or from the user.
/// </summary>
internal static class DatasetBlock
{
    /// <summary>The block with a newline, or "" when the spec asks for nothing (no pad, no mean, no std).</summary>
    public static string Yaml(DatasetSpec dataset)
    {
        var parts = new List<string>();
        if (dataset.Pad > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"pad: {dataset.Pad}"));
        }

        if (!dataset.Mean.IsDefaultOrEmpty)
        {
            parts.Add($"mean: [{Numbers(dataset.Mean)}]");
        }

        if (!dataset.Std.IsDefaultOrEmpty)
        {
            parts.Add($"std: [{Numbers(dataset.Std)}]");
        }

        return parts.Count == 0 ? "" : $"dataset: {{{string.Join(", ", parts)}}}\n";
    }

    /// <summary>Shortest float32 spellings: the constants come from float32 tensors, so digits beyond float32 precision would be noise.</summary>
    private static string Numbers(IEnumerable<double> values) =>
        string.Join(", ", values.Select(v => ((float)v).ToString("R", CultureInfo.InvariantCulture)));
}
