namespace HybridSim.Metrics.Reports;

/// <summary>One layer's line in the report: <c>name</c>, <c>kind</c>, <c>placement</c> (analog|digital|none), <c>mvmus</c>, <c>mvms</c>, <c>start_ns</c>, <c>end_ns</c>, <c>dynamic_energy_pj</c>.</summary>
public sealed record LayerReport(
    string Name,
    string Kind,
    string Placement,
    int Mvmus,
    long Mvms,
    double StartNs,
    double EndNs,
    double DynamicEnergyPj);
