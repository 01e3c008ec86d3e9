using HybridSim.Specs.Workloads;
using HybridSim.Sweeps;
using HybridSim.Sweeps.Accuracy;

namespace HybridSim.Cli.Commands;

/// <summary>What the sweep verbs need from the simulator; tests pass a fake.</summary>
/// <param name="Backend">Runs points and fingerprints inputs.</param>
/// <param name="WeightLayerCount">Number of weight layers of a workload (file or bare name): the default <c>--to</c> of <c>sweep freeze</c>.</param>
public sealed record SweepServices(SweepBackend Backend, Func<string, int> WeightLayerCount)
{
    /// <summary>The backend of an accuracy sweep (<c>--weights --data</c>): cost and accuracy per point.</summary>
    public Func<AccuracyRequest, SweepBackend>? AccuracyBackend { get; init; }

    public static SweepServices Default() => new(PipelineBackend.Create(), workload => WorkloadLoader.Load(workload).WeightLayerCount)
    {
        AccuracyBackend = PipelineBackend.Create,
    };
}
