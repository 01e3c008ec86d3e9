using HybridSim.Specs.Validation;
using HybridSim.Sweeps;

namespace HybridSim.Cli.Commands;

/// <summary>What the sweep verbs need from the simulator; tests pass a fake.</summary>
/// <param name="Backend">Runs points and fingerprints inputs.</param>
/// <param name="WeightLayerCount">Number of weight layers of a workload (file or bare name): the default <c>--to</c> of <c>sweep freeze</c>.</param>
public sealed record SweepServices(SweepBackend Backend, Func<string, int> WeightLayerCount)
{
    // INTERIM (sweeps helper): the workload loader is not on main yet; until it lands, --to must be given.
    public static SweepServices Default() => new(PipelineBackend.Create(), _ =>
        throw new SpecException(new SpecError("--to", 0, 0, "", "give --to X: the default (the workload's weight-layer count) needs the workload loader, not in this build yet")));
}
