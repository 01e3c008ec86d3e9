using System.Collections.Immutable;
using HybridSim.Specs.Architecture;

namespace HybridSim.Sweeps;

/// <summary>
/// One simulation of a sweep: an architecture file with <c>--set</c> overrides, a workload and a partition.
/// </summary>
/// <param name="Key">Stable identity (file name stem under <c>DIR/points/</c>): same inputs, same key; see <see cref="PointKey"/>.</param>
/// <param name="ArchitecturePath">The architecture file as given on the command line.</param>
/// <param name="Workload">Workload file or bare name.</param>
/// <param name="Partition">freeze-x or rank r; null for the architecture file's own partition.</param>
/// <param name="Overrides"><c>KEY=VALUE</c> overrides in command-line order: every <c>--set</c>, then the point's <c>--vary</c> values.</param>
/// <param name="Swept">The swept keys' values at this point, in table column order.</param>
/// <param name="Group">Points that differ only in their partition share a group (same file, same overrides): one plot series.</param>
/// <param name="InTable">True when the user asked for this point (a row of sweep.csv); false for a baseline run only for ratios.</param>
/// <param name="BaselineKey">Key of the all-SRAM freeze-0 point of the same group, the reference of the improvement ratios.</param>
/// <param name="ReferenceKey">Key of the rank-0 point of the group for rank sweeps (the overheads' reference), else null.</param>
public sealed record SweepPoint(
    string Key,
    string ArchitecturePath,
    string Workload,
    PartitionSpec? Partition,
    ImmutableArray<string> Overrides,
    ImmutableArray<SweptValue> Swept,
    string Group,
    bool InTable,
    string BaselineKey,
    string? ReferenceKey)
{
    /// <summary>A short human label, e.g. <c>hyperx-128-16b.yaml freeze-3 xbar=64</c>.</summary>
    public string Label =>
        string.Join(" ", new[] { Path.GetFileName(ArchitecturePath), Partition?.ToString() ?? "default-partition" }
            .Concat(Swept.Where(s => s.Key is not (SweepDefinition.FreezeKey or SweepDefinition.RankKey)).Select(s => s.ToString())));
}
