using HybridSim.Functional.Data;
using HybridSim.Functional.Network;
using HybridSim.Functional.Training;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Evaluation;

/// <summary>The digits MLP trained once with the default settings on the embedded set, shared by the evaluation tests.</summary>
public sealed class TrainedDigitsMlp
{
    public TrainedDigitsMlp()
    {
        Workload = WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", "mlp-digits.yaml"));
        Data = DatasetLoader.Load("digits", Workload);
        var network = FunctionalNetwork.Create(Workload);
        network.Initialize(TrainingOptions.Default.Seed);
        Trainer.Train(network, Data.Train!, null, TrainingOptions.Default);
        Weights = network.SaveWeights();
    }

    public WorkloadSpec Workload { get; }

    public DataSplit Data { get; }

    public IReadOnlyList<NamedArray> Weights { get; }

    public FunctionalNetwork Network()
    {
        var network = FunctionalNetwork.Create(Workload);
        network.LoadWeights(Weights, "trained");
        return network;
    }
}
