using HybridSim.Kernel;

namespace HybridSim.Hardware;

/// <summary>
/// How a model that runs ahead on a local clock meets the kernel: before it touches state other processes see, it
/// yields the timeout that brings the kernel's clock up to its own (none when the kernel is already there).
/// </summary>
public static class KernelSync
{
    /// <summary>The timeout from the kernel's now to <paramref name="localNow"/> (picoseconds), or null when it is not ahead.</summary>
    public static Kernel.Timeout? CatchUp(Simulation simulation, long localNow)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        return localNow > simulation.Now ? simulation.Timeout(localNow - simulation.Now) : null;
    }
}
