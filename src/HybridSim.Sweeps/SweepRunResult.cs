using System.Collections.Immutable;
using HybridSim.Specs.Validation;

namespace HybridSim.Sweeps;

/// <summary>What one <c>sweep</c> (or shard) did: points simulated now, points found finished, failures in plan order, and whether it was interrupted.</summary>
public sealed record SweepRunResult(int Simulated, int Reused, ImmutableArray<PointFailure> Failures, bool Interrupted)
{
    /// <summary>Point files that were there but did not check out (edited, torn, another format), so they were computed again.</summary>
    public ImmutableArray<RecomputedPoint> Recomputed { get; init; } = [];

    /// <summary>Points another run of the same plan, working in the folder at the same time, finished first.</summary>
    public int ReusedFromOtherRuns { get; init; }

    /// <summary>A point's result could not be written (disk full, a folder in its place): the sweep stopped, finished points kept.</summary>
    public SpecException? WriteFailure { get; init; }

    public bool Succeeded => Failures.IsEmpty && !Interrupted && WriteFailure is null;
}

/// <summary>A point file that did not check out, and why.</summary>
public sealed record RecomputedPoint(SweepPoint Point, string Path, string Problem);
