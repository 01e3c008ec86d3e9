using System.CommandLine;
using System.Globalization;
using HybridSim.Functional.Data;
using HybridSim.Functional.Evaluation;
using HybridSim.Functional.Recovery;
using HybridSim.Functional.Weights;

namespace HybridSim.Cli.Commands;

/// <summary>
/// <c>hybridsim recover --arch FILE --workload W --weights F --data D [--freeze X | --rank R] --recover
/// retrain|lobranch|alg1|alg2 [--epochs E] [--lr X] [--instances N] [--seed S] [--path exact|fast] --out DIR</c>: the
/// accuracy before and after recovery on N chips; writes <c>DIR/recovery.json</c> and the recovered weights
/// (<c>DIR/instance-K.npz</c> per chip, <c>DIR/alg1.npz</c>), which <c>evaluate --instance K --instances 1</c> reproduces.
/// </summary>
public static class RecoverCommand
{
    public const string ReportFile = "recovery.json";

    public static Command Create()
    {
        var point = new PointOptions();
        var functional = new FunctionalOptions();
        var recovery = new RecoveryCliOptions(required: true);
        var instances = new Option<int>("--instances") { Description = "Programmed chips (each one seed); per-chip methods recover each", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Directory for recovery.json and the recovered weights (.npz)", Required = true };
        var command = new Command("recover", "Recover the accuracy the RRAM errors cost: retrain the SRAM layers (HyperX) or train the low-rank branch (LoBranch).");
        point.AddTo(command);
        functional.AddTo(command);
        recovery.AddTo(command);
        command.Options.Add(instances);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!point.TryRead(parse, error, out var partition, out var overrides) || !functional.TryRead(parse, error, out var path, out var limit)
                || !recovery.TryRead(parse, error, out var method, out var training, out var branchRate, out var trainLimit))
            {
                return SpecAction.Usage;
            }

            if (parse.GetValue(instances) < 1)
            {
                error.WriteLine("error: --instances must be at least 1");
                return SpecAction.Usage;
            }

            var dir = parse.GetValue(output);
            if (OutputTargets.IsEmpty(error, "--out", dir))
            {
                return SpecAction.Usage;
            }

            return SpecAction.Run(error, () =>
            {
                OutputTargets.CheckFolder("--out", dir, ReportFile);
                var setup = FunctionalCli.Load(parse.GetValue(point.Arch)!, overrides, parse.GetValue(point.Workload)!, partition, parse.GetValue(functional.Weights)!, error);
                var data = DatasetLoader.Load(parse.GetValue(functional.Data)!, setup.Workload);
                var evaluation = new EvaluationOptions(parse.GetValue(instances), parse.GetValue(functional.Seed), path, limit);
                var options = new RecoveryOptions(method!.Value, training, evaluation, branchRate, trainLimit);
                var o = parse.InvocationConfiguration.Output;
                var progress = new RecoveryProgressPrinter(o, ReferenceEquals(o, Console.Out) && !Console.IsOutputRedirected, training.Epochs);
                var report = RecoveryRunner.Run(setup.Architecture, setup.Network, setup.Partition, data, options, progress, (name, network) =>
                {
                    var file = name + ".npz";
                    NpzFile.Write(System.IO.Path.Combine(dir!, file), network.SaveWeights());
                    return file;
                });
                RecoveryJson.WriteFile(System.IO.Path.Combine(dir!, ReportFile), report);
                o.Write(Summary(report));
                o.WriteLine($"wrote {System.IO.Path.Combine(dir!, ReportFile)} and {report.WeightFiles.Length} weight file(s)");
                return SpecAction.Ok;
            });
        });
        return command;
    }

    public static string Summary(RecoveryReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var inv = CultureInfo.InvariantCulture;
        static string P(AccuracyReport a) => string.Create(CultureInfo.InvariantCulture, $"{100 * a.Accuracy:0.00}% ± {100 * a.AccuracyStd:0.00}% (min {100 * a.AccuracyMin:0.00}%)");
        var b = r.Before;
        var text = new System.Text.StringBuilder();
        text.Append(inv, $"{b.Workload} on {b.Architecture}, {b.Partition}, {b.Dataset}: {b.Samples} test samples, {b.Instances} chip(s), {b.Path} path, seed {b.Seed}\n");
        text.Append(inv, $"  recovery            {RecoveryOptions.Name(r.Method)}, {r.Epochs} epoch(s) at lr {r.LearningRate} on {r.TrainSamples} samples, {r.TrainedParameters} trainable values\n");
        text.Append(inv, $"  float accuracy      {100 * b.FloatAccuracy:0.00}%\n");
        text.Append(inv, $"  quantized accuracy  {100 * b.QuantizedAccuracy:0.00}% (fixed point, ideal device)\n");
        text.Append(inv, $"  before recovery     {P(b)}\n");
        if (r.AfterAlgorithm1 is { } a1)
        {
            text.Append(inv, $"  after Algorithm 1   {P(a1)}\n");
        }

        text.Append(inv, $"  after recovery      {P(r.After)}\n");
        return text.ToString();
    }
}
