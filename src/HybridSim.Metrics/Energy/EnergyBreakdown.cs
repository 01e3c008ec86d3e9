using System.Collections.Immutable;

namespace HybridSim.Metrics.Energy;

/// <summary>
/// Energy of one run in joules. Dynamic energy is Σ counted actions × energy per action; leakage is Σ leakage power ×
/// powered time per instance. Component names are <c>analog.adc</c>, <c>digital.mac</c>, <c>noc.router</c>, <c>node.x</c>.
/// </summary>
/// <param name="DynamicByLayerJoules">Index i is workload layer i; actions attributed to no layer are not in it.</param>
/// <param name="UncostedComponents">Counted components the architecture does not list (their actions cost nothing).</param>
public sealed record EnergyBreakdown(
    double DynamicJoules,
    double LeakageJoules,
    ImmutableSortedDictionary<string, double> DynamicByComponentJoules,
    ImmutableSortedDictionary<string, double> LeakageByComponentJoules,
    ImmutableArray<double> DynamicByLayerJoules,
    ImmutableArray<string> UncostedComponents)
{
    public double TotalJoules => DynamicJoules + LeakageJoules;
}
