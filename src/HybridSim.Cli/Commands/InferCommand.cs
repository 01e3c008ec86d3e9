using System.Collections.Immutable;
using System.CommandLine;
using HybridSim.Functional.Data;
using HybridSim.Functional.Evaluation;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Architecture;

namespace HybridSim.Cli.Commands;

/// <summary>
/// <c>hybridsim infer ... --out LOGITS.npy</c>: the logits of the test samples on one programmed chip (the chip of
/// <c>evaluate</c>'s first instance for the same seed), float32 [samples, classes], for comparison with other frameworks.
/// </summary>
public static class InferCommand
{
    public static Command Create()
    {
        var point = new PointOptions();
        var functional = new FunctionalOptions(floatPath: true);
        var output = new Option<string>("--out") { Description = "Logits file (.npy, float32 samples x classes)", Required = true };
        var command = new Command("infer", "Write the logits of a trained network on one programmed chip of the architecture.");
        point.AddTo(command);
        functional.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!point.TryRead(parse, error, out var partition, out var overrides) || !functional.TryRead(parse, error, out var path, out var limit))
            {
                return SpecAction.Usage;
            }

            if (OutputTargets.IsEmpty(error, "--out", parse.GetValue(output)))
            {
                return SpecAction.Usage;
            }

            return SpecAction.Run(error, () =>
            {
                OutputTargets.CheckFile("--out", parse.GetValue(output));
                // The float path runs no chip, so the partition only says which LoBranch tensors the weights hold:
                // without --freeze/--rank it is freeze-0 (every layer as trained), not the architecture's own.
                var floatPath = parse.GetValue(functional.Path) == FunctionalOptions.FloatPath;
                DataSplit? data = null;
                var setup = FunctionalCli.Load(parse.GetValue(point.Arch)!, overrides, parse.GetValue(point.Workload)!,
                    partition ?? (floatPath ? PartitionSpec.Freeze(0) : null), parse.GetValue(functional.Weights)!, error, (architecture, workload, ranks) =>
                    {
                        data = DatasetLoader.Load(parse.GetValue(functional.Data)!, workload);
                        AccuracyBudget.Evaluate(architecture, workload, ranks, data, limit, 1, path, 64, error, "infer");
                    });
                data ??= DatasetLoader.Load(parse.GetValue(functional.Data)!, setup.Workload);
                var test = limit is { } k ? data.Test.Take(k) : data.Test;
                var classes = setup.Workload.Layers[^1].OutputShape.Channels;
                var logits = new float[test.Count * classes];
                var pathName = parse.GetValue(functional.Path)!;
                if (floatPath)
                {
                    // The float network as trained (or recovered), no chip: what PyTorch computes from the same weights.
                    FixedPointModel.ForEachBatch(test, 64, (input, start) =>
                        setup.Network.Forward(input, ForwardMode.Inference).Data.CopyTo(logits, start * classes));
                }
                else
                {
                    var model = FixedPointModel.Prepare(setup.Architecture, setup.Network, setup.Plan, AccuracyEvaluator.Calibration(data, 256));
                    var chip = model.Program(EvaluationOptions.InstanceSeed(parse.GetValue(functional.Seed), 0), path);
                    FixedPointModel.ForEachBatch(test, 64, (input, start) =>
                        model.Forward(input, chip, path, start).Data.CopyTo(logits, start * classes));
                }

                var file = parse.GetValue(output)!;
                NpyFile.WriteFile(file, new NamedArray("logits", ImmutableArray.Create(test.Count, classes), logits));
                parse.InvocationConfiguration.Output.WriteLine($"wrote {file}: {test.Count} x {classes} logits ({pathName} path)");
                return SpecAction.Ok;
            });
        });
        return command;
    }
}
