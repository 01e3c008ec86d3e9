using System.Diagnostics;
using System.Globalization;
using HybridSim.Functional.Data;
using HybridSim.Functional.Evaluation;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Recovery;
using HybridSim.Functional.Training;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Bench;

/// <summary>
/// Recovery time per point, stage by stage (issue 12): HyperX retraining of the digits MLP and CNN on the embedded
/// data (default options: 5 epochs, 1 chip, exact path), and of ResNet-20 on Fashion-MNIST at freeze-13 for one
/// epoch (fast path, random initial weights: speed does not depend on the values). Usage:
/// <c>recovery [digits|resnet20] [--train-limit K] [--limit K]</c>.
/// </summary>
public static class RecoveryBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        int? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 ? int.Parse(args[i + 1], Inv) : null;
        Console.WriteLine(string.Create(Inv, $"{Environment.ProcessorCount} cores"));
        if (which is "all" or "digits")
        {
            foreach (var (workload, freeze) in new[] { ("mlp-digits", 1), ("cnn-digits", 2) })
            {
                var spec = WorkloadLoader.Load(workload);
                var data = DatasetLoader.Load("digits", spec);
                var network = FunctionalNetwork.Create(spec);
                network.Initialize(1);
                Trainer.Train(network, data.Train!, null, TrainingOptions.Default);
                Measure($"{workload} freeze-{freeze} on hyperx-128-8b, 5 epochs, exact path", network, data, freeze,
                    RecoveryOptions.DefaultTraining, InferencePath.Exact, null, null);
            }
        }

        if (which is "all" or "resnet20")
        {
            var spec = WorkloadLoader.Load("resnet20-fashion");
            var data = DatasetLoader.Load("fashion-mnist", spec);
            var network = FunctionalNetwork.Create(spec);
            network.Initialize(1);
            Measure("resnet20-fashion freeze-13 on hyperx-128-8b, 1 epoch, fast path", network, data, 13,
                RecoveryOptions.DefaultTraining with { Epochs = 1 }, InferencePath.Fast, Option("--train-limit"), Option("--limit"));
        }

        return 0;
    }

    private static void Measure(string what, FunctionalNetwork network, DataSplit data, int freeze, TrainingOptions training, InferencePath path, int? trainLimit, int? limit)
    {
        var arch = ArchitectureLoader.Load(Path.Combine("arch", "hyperx-128-8b.yaml"));
        var options = new RecoveryOptions(RecoveryMethod.Retrain, training, new EvaluationOptions(1, 1, path, limit), RecoveryOptions.DefaultBranchLearningRate, trainLimit);
        var stages = new StageClock();
        var total = Stopwatch.StartNew();
        var report = RecoveryRunner.Run(arch, network, PartitionSpec.Freeze(freeze), data, options, stages);
        stages.Stage("done");
        Console.WriteLine(string.Create(Inv, $"{what}: {total.Elapsed.TotalSeconds:0.0} s, {report.TrainSamples} training and {report.After.Samples} test samples, accuracy {100 * report.Before.Accuracy:0.00}% -> {100 * report.After.Accuracy:0.00}%, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MB"));
        foreach (var (stage, seconds) in stages.Durations)
        {
            Console.WriteLine(string.Create(Inv, $"  {seconds,7:0.0} s  {stage}"));
        }
    }

    /// <summary>Times each recovery stage (until the next one begins).</summary>
    private sealed class StageClock : IRecoveryProgress
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string? _current;

        public List<(string Stage, double Seconds)> Durations { get; } = [];

        public ITrainingProgress? Training => null;

        public void Stage(string description)
        {
            if (_current is not null)
            {
                Durations.Add((_current, _clock.Elapsed.TotalSeconds));
            }

            _current = description;
            _clock.Restart();
        }
    }
}
