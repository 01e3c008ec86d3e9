using HybridSim.Functional.Data;
using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Functional.Training;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Training;

public sealed class TrainerTests
{
    private static readonly WorkloadSpec Mlp = WorkloadLoader.Parse("""
        name: blobs-mlp
        input: [1, 4, 4]
        layers:
          - {name: flatten, kind: flatten}
          - {name: fc1, kind: fc, out_features: 16, activation: relu}
          - {name: fc2, kind: fc, out_features: 4}
        """, "blobs-mlp.yaml");

    private static readonly WorkloadSpec ConvNet = WorkloadLoader.Parse("""
        name: blobs-conv
        input: [1, 4, 4]
        layers:
          - {name: conv, kind: conv, out_channels: 4, kernel: 3, padding: 1}
          - {name: bn, kind: batchnorm}
          - {name: relu, kind: activation, activation: relu}
          - {name: gap, kind: global_avgpool}
          - {name: fc, kind: fc, out_features: 4}
        """, "blobs-conv.yaml");

    [Theory]
    [InlineData(OptimizerKind.Adam, LearningRateSchedule.Constant, 1e-2)]
    [InlineData(OptimizerKind.Sgd, LearningRateSchedule.Cosine, 5e-2)]
    public void A_separable_problem_is_learned(OptimizerKind optimizer, LearningRateSchedule schedule, double rate)
    {
        var network = FunctionalNetwork.Create(Mlp);
        network.Initialize(1);
        var options = new TrainingOptions(10, 16, optimizer, rate, 0.9, 1e-4, schedule, 3);
        var progress = new Progress();

        var results = Trainer.Train(network, Blobs(400, 1), Blobs(200, 2), options, progress);

        Assert.Equal(10, results.Count);
        Assert.True(results[^1].Loss < results[0].Loss / 2, $"loss {results[0].Loss} -> {results[^1].Loss}");
        Assert.True(results[^1].TestAccuracy >= 0.95, $"test accuracy {results[^1].TestAccuracy}");
        Assert.Equal(10, progress.Epochs);
        Assert.Equal(10 * 25, progress.Batches);
    }

    [Fact]
    public void Two_runs_with_the_same_seed_give_byte_identical_weights_on_any_thread_count()
    {
        var options = TrainingOptions.Default with { Epochs = 2, BatchSize = 10, Optimizer = OptimizerKind.Sgd, LearningRate = 0.05, WeightDecay = 1e-3, Schedule = LearningRateSchedule.Step };
        var first = TrainConv(options);
        var second = TrainConv(options);
        byte[] single;
        try
        {
            Parallelism.MaxDegreeOfParallelism = 1;
            single = TrainConv(options);
        }
        finally
        {
            Parallelism.MaxDegreeOfParallelism = -1;
        }

        Assert.Equal(first, second);
        Assert.Equal(first, single);
        Assert.NotEqual(first, TrainConv(options with { Seed = options.Seed + 1 }));
    }

    [Fact]
    public void Only_the_trainable_parameters_change()
    {
        var network = FunctionalNetwork.Create(Mlp);
        network.Initialize(1);
        var before = network.SaveWeights();

        Trainer.Train(network, Blobs(64, 1), null, TrainingOptions.Default with { Epochs = 1 }, trainableParameters: new HashSet<string> { "fc2.weight" });

        var after = network.SaveWeights();
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i].Name == "fc2.weight", !before[i].Data.SequenceEqual(after[i].Data));
        }
    }

    [Fact]
    public void Accuracy_counts_arg_max_hits_in_inference_mode()
    {
        var network = FunctionalNetwork.Create(Mlp);

        // All-zero weights: every logit ties, the first class wins.
        var data = Blobs(40, 3);
        var expected = data.Labels.Count(l => l == 0) / 40.0;

        Assert.Equal(expected, Trainer.Accuracy(network, data, batchSize: 7));
    }

    private static byte[] TrainConv(TrainingOptions options)
    {
        var network = FunctionalNetwork.Create(ConvNet);
        network.Initialize(2);
        Trainer.Train(network, Blobs(45, 1), null, options);
        return [.. network.SaveWeights().SelectMany(a => a.Data).SelectMany(BitConverter.GetBytes)];
    }

    /// <summary>Four Gaussian clusters in 16 dimensions with well separated means.</summary>
    private static Dataset Blobs(int count, int seed)
    {
        var random = new Random(seed);
        var centres = new Random(0);
        var means = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 16).Select(_ => (float)(centres.NextDouble() * 4 - 2)).ToArray()).ToArray();
        var images = new float[count * 16];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = random.Next(4);
            for (var j = 0; j < 16; j++)
            {
                images[i * 16 + j] = means[labels[i]][j] + (float)((random.NextDouble() - 0.5) * 0.8);
            }
        }

        return new Dataset("blobs", "synthetic", 1, 4, 4, 4, images, labels);
    }

    private sealed class Progress : ITrainingProgress
    {
        public int Batches { get; private set; }

        public int Epochs { get; private set; }

        public void BatchDone(int epoch, int batch, int batches, double runningLoss, double runningAccuracy, double imagesPerSecond) => Batches++;

        public void EpochDone(EpochResult result) => Epochs++;
    }
}
