using System.Collections.Immutable;
using System.CommandLine;
using HybridSim.Specs.Architecture;

namespace HybridSim.Cli.Commands;

/// <summary>
/// The options that name one point, shared by <c>compile</c> and <c>run</c>: <c>--arch</c>, <c>--workload</c>,
/// <c>--freeze</c> or <c>--rank</c>, and <c>--set</c>.
/// </summary>
public sealed class PointOptions
{
    public Option<string> Arch { get; } = new("--arch") { Description = "Architecture file (arch/*.yaml)", Required = true };

    public Option<string> Workload { get; } = new("--workload") { Description = "Workload file or bare name (e.g. resnet20-cifar)", Required = true };

    public Option<int?> Freeze { get; } = new("--freeze") { Description = "Put weight layers 1..X on analog (RRAM) tiles, the rest on digital (SRAM) tiles" };

    public Option<int?> Rank { get; } = new("--rank") { Description = "LoBranch: every layer on RRAM plus a rank-R branch on SRAM" };

    public Option<string[]> Set { get; } = new("--set") { Description = "Override an architecture value: KEY=VALUE (dotted path or variable); repeatable" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Arch);
        command.Options.Add(Workload);
        command.Options.Add(Freeze);
        command.Options.Add(Rank);
        command.Options.Add(Set);
    }

    /// <summary>
    /// Reads the point; false (after a message on <paramref name="error"/>) for a usage error: both --freeze and --rank,
    /// a negative one, or a --set without '='. A null partition means the architecture file's own.
    /// </summary>
    public bool TryRead(ParseResult parse, TextWriter error, out PartitionSpec? partition, out ImmutableArray<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(error);
        partition = null;
        overrides = [.. parse.GetValue(Set) ?? []];
        var f = parse.GetValue(Freeze);
        var r = parse.GetValue(Rank);
        if (f is not null && r is not null)
        {
            error.WriteLine("error: give either --freeze or --rank, not both");
            return false;
        }

        if (f is < 0 || r is < 0)
        {
            error.WriteLine("error: --freeze and --rank must be at least 0");
            return false;
        }

        foreach (var o in overrides)
        {
            if (!o.Contains('=', StringComparison.Ordinal))
            {
                error.WriteLine($"error: --set expects KEY=VALUE, got '{o}'");
                return false;
            }
        }

        partition = f is { } x ? PartitionSpec.Freeze(x) : r is { } y ? PartitionSpec.Rank(y) : null;
        return true;
    }
}
