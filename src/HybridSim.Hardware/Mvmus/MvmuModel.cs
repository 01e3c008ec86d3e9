using HybridSim.Activity;
using HybridSim.Specs.Architecture;

namespace HybridSim.Hardware.Mvmus;

/// <summary>
/// The timing and action counts of one MVMU template (shared by every core of a tile kind: the ledger sums over instances).
/// </summary>
public abstract class MvmuModel
{
    /// <summary>Cycles one MVM occupies one MVMU.</summary>
    public abstract long LatencyCycles { get; }

    /// <summary>Whether the masked MVMUs of one mvm run side by side (latency of one) or one after another (sum).</summary>
    public abstract bool Concurrent { get; }

    public abstract UnitKind Unit { get; }

    /// <summary>Cycles an mvm instruction occupies the core when <paramref name="active"/> MVMUs are masked.</summary>
    public long InstructionCycles(int active) => MvmuTiming.InstructionCycles(LatencyCycles, Concurrent, active);

    /// <summary>Counts the actions of <paramref name="active"/> MVMs (one per masked MVMU) for a layer.</summary>
    public abstract void Count(ActivityLedger ledger, int active, int layer);
}
