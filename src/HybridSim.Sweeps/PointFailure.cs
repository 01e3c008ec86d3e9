namespace HybridSim.Sweeps;

/// <summary>A point that could not be simulated, with the reason (the exception's message; a stack trace only for bugs).</summary>
public sealed record PointFailure(SweepPoint Point, string Error);
