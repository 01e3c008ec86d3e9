namespace HybridSim.Sweeps.Pipeline;

/// <summary>
/// The one place that runs a point: load the architecture (with overrides) and the workload, compile, simulate, measure.
/// Both <c>hybridsim run</c> and the sweeps call it.
/// </summary>
public static class RunPipeline
{
    /// <summary>Runs one point; with <paramref name="tracePath"/> also writes a Chrome trace-event timeline there.</summary>
    /// <exception cref="HybridSim.Specs.Validation.SpecException">Invalid architecture, workload or partition.</exception>
    /// <exception cref="HybridSim.Hardware.DeadlockException">The compiled program cannot finish.</exception>
    public static RunOutcome Run(RunRequest request, string? tracePath = null)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Interim: the architecture loader and the compiler are not on main yet; this body is replaced when they land.
        throw new NotSupportedException("RunPipeline needs the architecture loader and the compiler, which are not on main yet");
    }
}
