using HybridSim.Specs.Workloads;
using HybridSim.Sweeps;

namespace HybridSim.Cli.Commands;

/// <summary>What the sweep verbs need from the simulator; tests pass a fake.</summary>
/// <param name="Backend">Runs points and fingerprints inputs.</param>
/// <param name="WeightLayerCount">Number of weight layers of a workload (file or bare name): the default <c>--to</c> of <c>sweep freeze</c>.</param>
public sealed record SweepServices(SweepBackend Backend, Func<string, int> WeightLayerCount)
{
    public static SweepServices Default() => new(PipelineBackend.Create(), workload => WorkloadLoader.Load(workload).WeightLayerCount);
}
