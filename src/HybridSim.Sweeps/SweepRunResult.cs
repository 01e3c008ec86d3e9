using System.Collections.Immutable;

namespace HybridSim.Sweeps;

/// <summary>What one <c>sweep</c> (or shard) did: points simulated now, points found finished, failures in plan order, and whether it was interrupted.</summary>
public sealed record SweepRunResult(int Simulated, int Reused, ImmutableArray<PointFailure> Failures, bool Interrupted)
{
    public bool Succeeded => Failures.IsEmpty && !Interrupted;
}
