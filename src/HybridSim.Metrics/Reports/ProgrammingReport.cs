namespace HybridSim.Metrics.Reports;

/// <summary>
/// The cost of loading weights into the chip (<c>run --program</c>; docs/model.md, "Programming the weights"):
/// energy is the sum over both technologies, latency the longer of the two (RRAM and SRAM tiles program at the same
/// time), endurance used the larger fraction.
/// </summary>
public sealed record ProgrammingReport(double EnergyPj, double LatencyNs, double EnduranceUsed, ProgrammingPart Rram, ProgrammingPart Sram);
