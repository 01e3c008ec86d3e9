using HybridSim.Functional.Data;
using HybridSim.Functional.Network;
using HybridSim.Functional.Training;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Recovery;

/// <summary>The digits CNN (3 weight layers, batch norms) trained once with the default settings on the embedded set.</summary>
public sealed class TrainedDigitsCnn
{
    public TrainedDigitsCnn()
    {
        Workload = WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", "cnn-digits.yaml"));
        Data = DatasetLoader.Load("digits", Workload);
        var network = FunctionalNetwork.Create(Workload);
        network.Initialize(TrainingOptions.Default.Seed);
        Trainer.Train(network, Data.Train!, null, TrainingOptions.Default);
        Weights = network.SaveWeights();
    }

    public WorkloadSpec Workload { get; }

    public DataSplit Data { get; }

    public IReadOnlyList<NamedArray> Weights { get; }

    /// <summary>The trained network, with rank-r branches (A random, B = 0) on every weight layer when <paramref name="rank"/> > 0.</summary>
    public FunctionalNetwork Network(int rank = 0)
    {
        var ranks = rank == 0 ? null : Workload.Layers.Where(l => l.HasWeights).ToDictionary(l => l.Name, _ => rank);
        var network = FunctionalNetwork.Create(Workload, ranks);
        network.Initialize(0);
        var arrays = Weights.Concat(network.SaveWeights().Where(a => a.Name.Contains(".lobranch_", StringComparison.Ordinal))).ToList();
        network.LoadWeights(arrays, "trained");
        return network;
    }
}
