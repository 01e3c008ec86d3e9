namespace HybridSim.Metrics.Reports;

/// <summary>About the simulation itself: events processed and wall time (the only field allowed to differ between identical runs).</summary>
public sealed record SimulatorReport(long Events, double WallSeconds);
