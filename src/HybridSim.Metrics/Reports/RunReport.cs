using System.Collections.Immutable;

namespace HybridSim.Metrics.Reports;

/// <summary>
/// The result of one simulated run; serialized as <c>report.json</c> with the snake_case field names of docs/model.md section 11
/// (<c>architecture</c>, <c>workload</c>, <c>partition</c>, <c>cycles</c>, <c>latency_ns</c>, ...). Sweeps read these back.
/// </summary>
public sealed record RunReport(
    string Architecture,
    string Workload,
    PartitionReport Partition,
    long Cycles,
    double LatencyNs,
    double ClockHz,
    double DynamicEnergyPj,
    double LeakageEnergyPj,
    double TotalEnergyPj,
    double AreaMm2,
    double AnlMsMm2,
    ImmutableSortedDictionary<string, double> EnergyByComponentPj,
    ImmutableSortedDictionary<string, double> AreaByComponentMm2,
    ImmutableArray<LayerReport> Layers,
    double SramWeightFraction,
    SimulatorReport Simulator)
{
    /// <summary>
    /// Leakage energy per component (same names as <see cref="EnergyByComponentPj"/>), written as the
    /// <c>leakage_by_component_pj</c> object; its values sum to <see cref="LeakageEnergyPj"/>.
    /// </summary>
    public ImmutableSortedDictionary<string, double> LeakageByComponentPj { get; init; } = ImmutableSortedDictionary<string, double>.Empty;

    /// <summary>
    /// Further statistics beyond the contract (utilizations, throughput, tile counts, accuracy of a sweep point...),
    /// written as the <c>statistics</c> object; <c>sweep.csv</c> gives each its own column under the same name.
    /// </summary>
    public ImmutableSortedDictionary<string, double> Extra { get; init; } = ImmutableSortedDictionary<string, double>.Empty;

    /// <summary>The cost of programming the weights (<c>run --program</c>); null when not asked for.</summary>
    public ProgrammingReport? Programming { get; init; }
    /// <summary><c>sram_utilization</c>: weights stored in SRAM / the weight capacity of the SRAM-CIM macros the area
    /// counts (0 when there are none).</summary>
    public double SramUtilization { get; init; }
}
