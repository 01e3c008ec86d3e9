using System.Collections.Immutable;
using HybridSim.Metrics.Reports;

namespace HybridSim.Sweeps;

/// <summary>A built sweep table, notes for the user, and the requested points that have no result (failed or not run yet).</summary>
public sealed record SweepTableResult(CsvTable Table, ImmutableArray<string> Notes, ImmutableArray<SweepPoint> MissingRows)
{
    /// <summary>Each series' operating point under <c>--max-accuracy-drop</c>; empty without it.</summary>
    public ImmutableArray<Accuracy.OperatingChoice> Choices { get; init; } = [];
}
