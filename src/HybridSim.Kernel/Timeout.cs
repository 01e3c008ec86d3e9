namespace HybridSim.Kernel;

/// <summary>An event that succeeds by itself after a delay; created by <see cref="Simulation.Timeout"/>.</summary>
public sealed class Timeout : Event
{
    internal Timeout(Simulation simulation)
        : base(simulation)
    {
    }

    private protected override string DefaultDescription() => "timeout";
}
