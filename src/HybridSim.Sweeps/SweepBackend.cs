using HybridSim.Metrics.Reports;

namespace HybridSim.Sweeps;

/// <summary>
/// What a sweep needs from the rest of HybridSim, injected so that sweeps can be tested with a fake simulator.
/// </summary>
/// <param name="RunPoint">Simulates one point and returns its report; may throw (the point is then reported as failed). Called from several threads at once.</param>
/// <param name="ArchitectureFingerprint">A digest of an architecture file and every file it pulls in (<c>extends</c>, <c>include</c>), so an edited file is never silently reused.</param>
/// <param name="WorkloadFingerprint">A digest of the workload file a name or path resolves to.</param>
/// <param name="ModelVersion">Identifies the simulator build; part of every point key, so points from another model are recomputed.</param>
public sealed record SweepBackend(
    Func<SweepPoint, RunReport> RunPoint,
    Func<string, string> ArchitectureFingerprint,
    Func<string, string> WorkloadFingerprint,
    string ModelVersion)
{
    /// <summary>The accuracy half of a point (null: cost only): its accuracy metrics, given a folder for recovered weights.
    /// Called from several threads at once; may throw (the point is then failed, neither half kept).</summary>
    public Func<SweepPoint, string, IReadOnlyDictionary<string, double>>? MeasureAccuracy { get; init; }

    /// <summary>The accuracy inputs' text for point keys (weights and data by content); null without an accuracy half.</summary>
    public string? AccuracyFingerprint { get; init; }
}
