using System.Collections.Immutable;
using HybridSim.Activity;

namespace HybridSim.Hardware;

/// <summary>What a simulated run produced: the activity ledger (counts, powered and busy time) plus run-level figures.</summary>
/// <param name="EndPicoseconds">When the last tile halted.</param>
/// <param name="Cycles">EndPicoseconds in whole clock cycles (rounded up).</param>
/// <param name="Events">Kernel events processed.</param>
/// <param name="Statistics">Further figures for the report's statistics (packets, flit-hops, peak shared-memory words...).</param>
public sealed record SimulationResult(
    ActivityLedger Ledger,
    long EndPicoseconds,
    long Cycles,
    long Events,
    ImmutableSortedDictionary<string, double> Statistics);
