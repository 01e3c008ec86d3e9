using System.Collections.Immutable;
using HybridSim.Activity;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Metrics.Measurement;

/// <summary>Everything the report is computed from: what ran, how it was mapped, what the hardware counted, and the area.</summary>
/// <param name="Cycles">Simulated clock cycles of the whole run (all inferences of a batch).</param>
/// <param name="Events">Kernel events processed.</param>
/// <param name="WallSeconds">The simulator's own run time (the only field that may differ between identical runs).</param>
/// <param name="Batch">Inferences streamed in the run.</param>
/// <param name="AreaMm2">Area of the tiles used (or of the fixed tile count) plus network and node components.</param>
/// <param name="HardwareStatistics">Further figures from the hardware run, copied into the report's statistics.</param>
public sealed record RunMeasurement(
    ArchitectureSpec Architecture,
    WorkloadSpec Workload,
    PartitionSpec Partition,
    ImmutableArray<MappedMatrix> Matrices,
    ActivityLedger Ledger,
    long Cycles,
    long Events,
    double WallSeconds,
    int Batch,
    double AreaMm2,
    ImmutableSortedDictionary<string, double> AreaByComponentMm2,
    ImmutableSortedDictionary<string, double> HardwareStatistics)
{
    /// <summary>Weights the SRAM-CIM macros counted in the area can hold (macros × rows × cols); 0 without SRAM.</summary>
    public long SramCapacityWeights { get; init; }

    /// <summary>Weight layers whose LoBranch rank was clamped to min(in, out).</summary>
    public ImmutableArray<string> ClampedLayers { get; init; } = [];
}
