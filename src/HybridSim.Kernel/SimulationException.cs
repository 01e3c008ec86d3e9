namespace HybridSim.Kernel;

/// <summary>
/// Thrown by <see cref="Simulation.Run()"/> when an event fails and nobody handles the failure, typically a process
/// whose generator threw. <see cref="Exception.InnerException"/> is the original failure.
/// </summary>
public sealed class SimulationException : Exception
{
    public SimulationException()
    {
    }

    public SimulationException(string message)
        : base(message)
    {
    }

    public SimulationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The process whose failure nobody handled, when it was a process.</summary>
    public string? ProcessName { get; init; }

    /// <summary>The process where the exception was first raised (may differ from <see cref="ProcessName"/> when it propagated).</summary>
    public string? OriginProcessName { get; init; }

    /// <summary>Simulated time of the failure, in picoseconds.</summary>
    public long Time { get; init; }
}
