using HybridSim.Compiler.Partitioning;
using HybridSim.Functional.Data;
using HybridSim.Functional.Evaluation;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Training;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Evaluation;

/// <summary>
/// LeNet-5 all-RRAM on hyperx-128-8b (issue 29): the fast path either lands within a point of the exact path or its
/// check says how far apart they are. LeNet-5 is trained here on 6,000 Fashion-MNIST images for 2 epochs and measured
/// on 300 test images (README, "Exact or fast", gives the 2,000-image figures of a fully trained one).
/// </summary>
public sealed class LeNetPathCheckTests
{
    private const int Samples = 300;

    [Fact]
    public void Fast_path_is_within_a_point_of_the_exact_path_or_its_check_warns_with_both_accuracies()
    {
        var workload = WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", "lenet5-fashion.yaml"));
        if (!File.Exists(Path.Combine(DatasetLoader.FashionMnistFolder, "t10k-images-idx3-ubyte.gz")))
        {
            // Without Debian's dataset-fashion-mnist the loader says how to install it (as FashionMnistDataTests).
            var error = Assert.Single(Assert.Throws<SpecException>(() => DatasetLoader.Load("fashion-mnist", workload)).Errors);
            Assert.Contains("sudo apt-get install dataset-fashion-mnist", error.Message, StringComparison.Ordinal);
            return;
        }

        var data = DatasetLoader.Load("fashion-mnist", workload);
        var network = FunctionalNetwork.Create(workload);
        network.Initialize(1);
        Trainer.Train(network, data.Train!.Take(6000), null, TrainingOptions.Default with { Epochs = 2, BatchSize = 64 });
        var arch = ArchitectureLoader.Load(RepositoryPaths.Arch("hyperx-128-8b.yaml"));
        var partition = PartitionSpec.Freeze(5);

        var fast = AccuracyEvaluator.Evaluate(arch, network, partition, data, new EvaluationOptions(1, 1, InferencePath.Fast, Samples, PathCheckSamples: Samples));
        var exact = AccuracyEvaluator.Evaluate(arch, network, partition, data, new EvaluationOptions(1, 1, InferencePath.Exact, Samples));

        var check = Assert.IsType<PathCheck>(fast.PathCheck);
        Assert.Null(exact.PathCheck);
        Assert.Equal(Samples, check.Samples);
        Assert.Equal(exact.Accuracy, check.ExactAccuracy);
        Assert.Equal(fast.Accuracy, check.FastAccuracy);
        var warning = check.Warning("lenet5-fashion");
        if (Math.Abs(fast.Accuracy - exact.Accuracy) * 100 <= PathCheck.TolerancePoints)
        {
            Assert.Null(warning);
        }
        else
        {
            Assert.NotNull(warning);
            Assert.Contains($"{check.GapPoints:0.00} points apart", warning, StringComparison.Ordinal);
        }

        // conv1 (one input channel) and conv2 (six) are per-offset blocks of 1 and 6 rows: the fast path's conversion
        // tables make them the exact path's, so their output errors agree.
        Assert.Equal(exact.Layers[0].OutputErrorRms, fast.Layers[0].OutputErrorRms, 12);
        Assert.Equal(exact.Layers[1].OutputErrorRms, fast.Layers[1].OutputErrorRms, 12);
    }
}
