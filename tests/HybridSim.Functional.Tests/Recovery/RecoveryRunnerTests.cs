using HybridSim.Compiler.Partitioning;
using HybridSim.Functional.Evaluation;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Recovery;
using HybridSim.Functional.Tensors;
using HybridSim.Functional.Training;
using HybridSim.Specs.Architecture;

namespace HybridSim.Functional.Tests.Recovery;

public sealed class RecoveryRunnerTests(TrainedDigitsCnn cnn) : IClassFixture<TrainedDigitsCnn>
{
    private static readonly TrainingOptions Quick = TrainingOptions.Default with { Epochs = 1, LearningRate = 1e-4 };

    private static ArchitectureSpec Arch(string file) => ArchitectureLoader.Load(RepositoryPaths.Arch(file), []);

    private static RecoveryOptions Options(RecoveryMethod method, TrainingOptions training, int instances, InferencePath path = InferencePath.Fast, int? trainLimit = null) =>
        new(method, training, new EvaluationOptions(instances, 1, path, null), RecoveryOptions.DefaultBranchLearningRate, trainLimit);

    private static Dictionary<string, float[]> Values(FunctionalNetwork network) => network.Parameters.ToDictionary(p => p.Name, p => (float[])p.Value.Clone());

    [Fact]
    public void Retraining_leaves_the_frozen_layers_and_their_programmed_cells_bit_identical()
    {
        var architecture = Arch("hyperx-128-8b.yaml");
        var network = cnn.Network();
        var before = Values(network);
        var recovered = new List<FunctionalNetwork>();
        RecoveryRunner.Run(architecture, network, PartitionSpec.Freeze(1), cnn.Data, Options(RecoveryMethod.Retrain, Quick, 1), null, (_, n) =>
        {
            recovered.Add(n.Clone());
            return null;
        });

        var after = Values(Assert.Single(recovered));
        foreach (var name in new[] { "conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var" })
        {
            Assert.Equal(before[name], after[name]);
        }

        Assert.NotEqual(before["conv2.weight"], after["conv2.weight"]);
        Assert.NotEqual(before["fc.weight"], after["fc.weight"]);
        Assert.Equal(before, Values(network));

        // The frozen layer is the same matrix on the same chip: same calibration, same quantized digits, same cells.
        var plan = PartitionPlanner.Plan(architecture, cnn.Workload, PartitionSpec.Freeze(1));
        var calibration = AccuracyEvaluator.Calibration(cnn.Data, 256);
        var original = FixedPointModel.Prepare(architecture, network, plan, calibration).Program(EvaluationOptions.InstanceSeed(1, 0), InferencePath.Exact);
        var retrained = FixedPointModel.Prepare(architecture, recovered[0], plan, calibration).Program(EvaluationOptions.InstanceSeed(1, 0), InferencePath.Exact);
        var a = original.Matrices.Single(m => m.Key.Name == "conv1");
        var b = retrained.Matrices.Single(m => m.Key.Name == "conv1");
        Assert.Equal(a.Key.InputScale, b.Key.InputScale);
        Assert.Equal(a.Key.Quantized, b.Key.Quantized);
        Assert.Equal(a.Value.Effective, b.Value.Effective);
    }

    [Fact]
    public void Algorithm_2_changes_only_the_branches()
    {
        var network = cnn.Network(rank: 2);
        var before = Values(network);
        FunctionalNetwork? recovered = null;
        RecoveryRunner.Run(Arch("lobranch-3d.yaml"), network, PartitionSpec.Rank(2), cnn.Data, Options(RecoveryMethod.Alg2, Quick, 1), null, (_, n) =>
        {
            recovered = n.Clone();
            return null;
        });

        var after = Values(recovered!);
        foreach (var (name, value) in before)
        {
            if (name.Contains(".lobranch_", StringComparison.Ordinal))
            {
                Assert.NotEqual(value, after[name]);
            }
            else
            {
                Assert.Equal(value, after[name]);
            }
        }
    }

    [Fact]
    public void Cached_frozen_outputs_equal_the_uncached_computation_bit_for_bit()
    {
        var architecture = Arch("hyperx-128-8b.yaml");
        var network = cnn.Network();
        var plan = PartitionPlanner.Plan(architecture, cnn.Workload, PartitionSpec.Freeze(2));
        var model = FixedPointModel.Prepare(architecture, network, plan, AccuracyEvaluator.Calibration(cnn.Data, 256));
        var chip = model.Program(EvaluationOptions.InstanceSeed(1, 0), InferencePath.Exact);
        var train = cnn.Data.Train!.Take(100);
        var prefix = FrozenPrefix.Build(model, chip, InferencePath.Exact, plan, train, 64, 1L << 30);

        // conv1, bn1, relu1, pool1, conv2, bn2, relu2, flatten are frozen; flatten feeds the SRAM fc.
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], prefix.Frozen);
        Assert.Equal([7], prefix.Boundary);
        int[] samples = [7, 3, 99, 0, 50, 64, 63];
        var cached = prefix.Cached(samples);
        var uncached = prefix.Uncached(samples);
        Assert.Equal(uncached[7].Data, cached[7].Data);
        Assert.Contains(cached[7].Data, v => v != 0);
    }

    [Fact]
    public void Retraining_from_the_cache_gives_the_weights_of_retraining_without_it()
    {
        var architecture = Arch("hyperx-128-8b.yaml");
        var plan = PartitionPlanner.Plan(architecture, cnn.Workload, PartitionSpec.Freeze(1));
        var train = cnn.Data.Train!.Take(96);
        float[][] Retrain(bool uncached)
        {
            var network = cnn.Network();
            var model = FixedPointModel.Prepare(architecture, network, plan, AccuracyEvaluator.Calibration(cnn.Data, 256));
            var chip = model.Program(EvaluationOptions.InstanceSeed(1, 0), InferencePath.Exact);
            var prefix = FrozenPrefix.Build(model, chip, InferencePath.Exact, plan, train, 64, 1L << 30);
            var trainable = network.Parameters.Where(p => !p.IsBuffer && !p.Name.StartsWith("conv1.", StringComparison.Ordinal) && !p.Name.StartsWith("bn1.", StringComparison.Ordinal))
                .Select(p => p.Name).ToHashSet();
            Trainer.Train(network, train, null, Quick, null, trainable, new RetrainHooks(network, prefix, [], uncached));
            return [.. network.Parameters.Select(p => (float[])p.Value.Clone())];
        }

        Assert.Equal(Retrain(uncached: true), Retrain(uncached: false));
    }

    [Theory]
    [InlineData(RecoveryMethod.Retrain, "hyperx-128-8b.yaml", 2)]
    [InlineData(RecoveryMethod.LoBranch, "lobranch-3d.yaml", 0)]
    public void Recovery_is_the_same_on_one_thread_and_on_all(RecoveryMethod method, string arch, int freeze)
    {
        var partition = method == RecoveryMethod.Retrain ? PartitionSpec.Freeze(freeze) : PartitionSpec.Rank(2);
        (string Json, List<float[]> Weights) Run()
        {
            var weights = new List<float[]>();
            var report = RecoveryRunner.Run(Arch(arch), cnn.Network(method == RecoveryMethod.Retrain ? 0 : 2), partition, cnn.Data,
                Options(method, Quick, 2, InferencePath.Exact, trainLimit: 300), null, (_, n) =>
                {
                    weights.AddRange(n.Parameters.Select(p => (float[])p.Value.Clone()));
                    return null;
                });
            return (RecoveryJson.Serialize(report), weights);
        }

        var all = Run();
        try
        {
            Parallelism.MaxDegreeOfParallelism = 1;
            var one = Run();
            Assert.Equal(all.Json, one.Json);
            Assert.Equal(all.Weights, one.Weights);
        }
        finally
        {
            Parallelism.MaxDegreeOfParallelism = -1;
        }
    }

    [Fact]
    public void Retraining_recovers_at_every_freeze_point_with_sram_layers_and_freeze_0_is_the_sram_only_accuracy()
    {
        // The issue's acceptance check: embedded digits, hyperx-128-8b's own device, 3 chips, the CLI's defaults.
        var architecture = Arch("hyperx-128-8b.yaml");
        var training = RecoveryOptions.DefaultTraining;
        for (var x = 0; x < 3; x++)
        {
            var report = RecoveryRunner.Run(architecture, cnn.Network(), PartitionSpec.Freeze(x), cnn.Data, Options(RecoveryMethod.Retrain, training, 3, InferencePath.Exact));
            Assert.True(report.After.Accuracy >= report.Before.Accuracy, $"freeze-{x}: {report.After.Accuracy} after, {report.Before.Accuracy} before");
            if (x == 0)
            {
                Assert.Equal(report.Before.QuantizedAccuracy, report.Before.Accuracy);
                Assert.Equal(0, report.Before.AccuracyStd);
            }
        }
    }

    [Fact]
    public void Lobranch_algorithm_2_adds_to_algorithm_1_and_recovered_accuracy_does_not_fall_with_rank()
    {
        var architecture = Arch("lobranch-3d.yaml");
        var training = RecoveryOptions.DefaultTraining;
        var previous = (Accuracy: 0.0, Std: 0.0);
        foreach (var rank in new[] { 1, 2, 4 })
        {
            var report = RecoveryRunner.Run(architecture, cnn.Network(rank), PartitionSpec.Rank(rank), cnn.Data, Options(RecoveryMethod.LoBranch, training, 3, InferencePath.Exact));
            var alg1 = report.AfterAlgorithm1!;
            Assert.True(report.After.Accuracy >= alg1.Accuracy, $"rank {rank}: Algorithms 1+2 {report.After.Accuracy}, Algorithm 1 {alg1.Accuracy}");
            var spread = Math.Max(previous.Std, report.After.AccuracyStd);
            Assert.True(report.After.Accuracy >= previous.Accuracy - spread, $"rank {rank}: {report.After.Accuracy} after {previous.Accuracy} ± {spread} at the rank below");
            previous = (report.After.Accuracy, report.After.AccuracyStd);
        }
    }

    [Fact]
    public void Methods_that_cannot_apply_to_the_partition_are_refused_with_the_alternative()
    {
        var retrainOnRank = Assert.Throws<HybridSim.Specs.Validation.SpecException>(() => RecoveryRunner.Run(Arch("lobranch-3d.yaml"), cnn.Network(2), PartitionSpec.Rank(2), cnn.Data, Options(RecoveryMethod.Retrain, Quick, 1)));
        Assert.Contains("--recover lobranch", retrainOnRank.Message, StringComparison.Ordinal);
        var branchOnFreeze = Assert.Throws<HybridSim.Specs.Validation.SpecException>(() => RecoveryRunner.Run(Arch("hyperx-128-8b.yaml"), cnn.Network(), PartitionSpec.Freeze(1), cnn.Data, Options(RecoveryMethod.Alg2, Quick, 1)));
        Assert.Contains("--rank R", branchOnFreeze.Message, StringComparison.Ordinal);
        var noTrain = Assert.Throws<HybridSim.Specs.Validation.SpecException>(() => RecoveryRunner.Run(Arch("hyperx-128-8b.yaml"), cnn.Network(), PartitionSpec.Freeze(1), cnn.Data with { Train = null }, Options(RecoveryMethod.Retrain, Quick, 1)));
        Assert.Contains("training split", noTrain.Message, StringComparison.Ordinal);
    }
}
