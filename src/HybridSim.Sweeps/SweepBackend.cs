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

    /// <summary>
    /// Checks, before any point runs, that the architecture composes with the given overrides (unknown keys, with a
    /// did-you-mean); throws a SpecException naming the override. Null: no check (a fake backend).
    /// </summary>
    public Action<string, IReadOnlyList<string>>? CheckOverrides { get; init; }

    /// <summary>True when the fingerprints are memoized (see <see cref="SweepBackendExtensions.Cached"/>).</summary>
    public bool IsCached { get; init; }
}

/// <summary>Backend helpers.</summary>
public static class SweepBackendExtensions
{
    /// <summary>
    /// The same backend with each architecture and workload digested once (per spelling): planning a sweep of many
    /// points reads each input file once, not once per point.
    /// </summary>
    public static SweepBackend Cached(this SweepBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        if (backend.IsCached)
        {
            return backend;
        }

        var architectures = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var workloads = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var architecture = backend.ArchitectureFingerprint;
        var workload = backend.WorkloadFingerprint;
        return backend with
        {
            ArchitectureFingerprint = path => architectures.GetOrAdd(path, architecture),
            WorkloadFingerprint = name => workloads.GetOrAdd(name, workload),
            IsCached = true,
        };
    }
}
