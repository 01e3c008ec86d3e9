using System.CommandLine;
using System.Globalization;
using HybridSim.Functional.Data;
using HybridSim.Functional.Network;
using HybridSim.Functional.Training;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Workloads;

namespace HybridSim.Cli.Commands;

/// <summary>
/// <c>hybridsim train --workload W --data D [--epochs E] [--seed S] [--batch-size B] [--optimizer adam|sgd] [--lr X]
/// [--momentum M] [--weight-decay L] [--schedule constant|cosine|step] [--train-limit K] --out WEIGHTS.npz</c>: floating-point training
/// (HyperX IV-A), weights as NumPy .npz with the tensor names of docs/pytorch.md.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var d = TrainingOptions.Default;
        var workload = new Option<string>("--workload") { Description = "Workload file or bare name", Required = true };
        var data = new Option<string>("--data") { Description = "Data: a file, a folder, or a known name (digits, fashion-mnist)", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training set", DefaultValueFactory = _ => d.Epochs };
        var seed = new Option<int>("--seed") { Description = "Seed of the initial weights and the shuffling (same seed, same file)", DefaultValueFactory = _ => d.Seed };
        var batch = new Option<int>("--batch-size") { Description = "Mini-batch size", DefaultValueFactory = _ => d.BatchSize };
        var optimizer = new Option<string>("--optimizer") { Description = "adam or sgd (with momentum)", DefaultValueFactory = _ => d.Optimizer == OptimizerKind.Adam ? "adam" : "sgd" };
        var rate = new Option<double>("--lr") { Description = "Learning rate", DefaultValueFactory = _ => d.LearningRate };
        var momentum = new Option<double>("--momentum") { Description = "SGD momentum", DefaultValueFactory = _ => d.Momentum };
        var decay = new Option<double>("--weight-decay") { Description = "L2 weight decay (weights only)", DefaultValueFactory = _ => d.WeightDecay };
        var schedule = new Option<string>("--schedule") { Description = "Learning-rate schedule: constant, cosine, or step (x0.1 at 50% and 75%)", DefaultValueFactory = _ => d.Schedule.ToString().ToLowerInvariant() };
        var trainLimit = new Option<int?>("--train-limit") { Description = "Train on the first K training samples only (in file order; the test part is unchanged)" };
        var output = new Option<string>("--out") { Description = "Weights file to write (.npz)", Required = true };
        optimizer.AcceptOnlyFromAmong("adam", "sgd");
        schedule.AcceptOnlyFromAmong("constant", "cosine", "step");
        var command = new Command("train", "Train a workload in floating point and write its weights (.npz).")
        {
            workload, data, epochs, seed, batch, optimizer, rate, momentum, decay, schedule, trainLimit, output,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var options = new TrainingOptions(parse.GetValue(epochs), parse.GetValue(batch),
                parse.GetValue(optimizer) == "sgd" ? OptimizerKind.Sgd : OptimizerKind.Adam, parse.GetValue(rate), parse.GetValue(momentum),
                parse.GetValue(decay), Enum.Parse<LearningRateSchedule>(parse.GetValue(schedule)!, ignoreCase: true), parse.GetValue(seed));
            if (options.Epochs < 1 || options.BatchSize < 1 || !(options.LearningRate > 0) || options.Momentum < 0 || options.WeightDecay < 0)
            {
                error.WriteLine("error: --epochs and --batch-size must be at least 1, --lr above 0, --momentum and --weight-decay at least 0");
                return SpecAction.Usage;
            }

            if (options.Epochs > AccuracyBudget.MaxEpochs || options.BatchSize > AccuracyBudget.MaxBatchSize)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"error: --epochs must be from 1 to {AccuracyBudget.MaxEpochs} and --batch-size from 1 to {AccuracyBudget.MaxBatchSize}; found {options.Epochs} and {options.BatchSize}"));
                return SpecAction.Usage;
            }

            var limit = parse.GetValue(trainLimit);
            if (limit is < 1)
            {
                error.WriteLine("error: --train-limit must be at least 1");
                return SpecAction.Usage;
            }

            if (OutputTargets.IsEmpty(error, "--out", parse.GetValue(output)))
            {
                return SpecAction.Usage;
            }

            return SpecAction.Run(error, () =>
            {
                OutputTargets.CheckFile("--out", parse.GetValue(output));
                var spec = WorkloadLoader.Load(parse.GetValue(workload)!);
                FunctionalFootprint.Of(spec).CheckParameters(spec.SourceFile);
                var split = DatasetLoader.Load(parse.GetValue(data)!, spec);
                AccuracyBudget.Train(spec, split, options.BatchSize, options.Epochs, error, sampleLimit: limit);
                var network = FunctionalNetwork.Create(spec);
                network.Initialize(options.Seed);
                var o = parse.InvocationConfiguration.Output;
                var train = split.Train ?? split.Test;
                if (limit is { } k)
                {
                    train = train.Take(k);
                }

                var test = split.Train is null ? null : split.Test;
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"training {spec.Name} on {train.Name} ({train.Count} samples{(test is null ? "" : $", testing on {test.Name}: {test.Count}")}), {options.Epochs} epochs, {options.Optimizer.ToString().ToLowerInvariant()} lr {options.LearningRate}, batch {options.BatchSize}, seed {options.Seed}"));
                var progress = new TrainingProgressPrinter(o, ReferenceEquals(o, Console.Out) && !Console.IsOutputRedirected, options.Epochs);
                Trainer.Train(network, train, test, options, progress);
                var file = parse.GetValue(output)!;
                NpzFile.Write(file, network.SaveWeights());
                o.WriteLine($"wrote {file}");
                return SpecAction.Ok;
            });
        });
        return command;
    }
}
