using System.CommandLine;
using System.Globalization;
using HybridSim.Functional.Data;
using HybridSim.Functional.Evaluation;

namespace HybridSim.Cli.Commands;

/// <summary>
/// <c>hybridsim evaluate --arch FILE --workload W --weights F --data D [--freeze X | --rank R] [--instances N] [--seed S]
/// [--limit K] [--path exact|fast] [--set ...] [--out DIR]</c>: float, quantized and on-device accuracy of one point.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var point = new PointOptions();
        var functional = new FunctionalOptions();
        var instances = new Option<int>("--instances") { Description = "Programmed chips to evaluate (each one seed): mean, std, min and 95% interval", DefaultValueFactory = _ => 1 };
        var first = new Option<int>("--instance") { Description = "First chip: chips K .. K+N-1 of --seed (a per-chip recovery's instance-K.npz is evaluated with --instance K --instances 1)", DefaultValueFactory = _ => 0 };
        var output = new Option<string?>("--out") { Description = "Directory for accuracy.json" };
        var command = new Command("evaluate", "Accuracy of a trained network on the architecture and partition: float, fixed point, and under the device.");
        point.AddTo(command);
        functional.AddTo(command);
        functional.AddPathCheckTo(command);
        command.Options.Add(instances);
        command.Options.Add(first);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!point.TryRead(parse, error, out var partition, out var overrides) || !functional.TryRead(parse, error, out var path, out var limit))
            {
                return SpecAction.Usage;
            }

            if (functional.ReadPathCheck(parse, error) is not { } pathCheck)
            {
                return SpecAction.Usage;
            }

            if (parse.GetValue(instances) < 1 || parse.GetValue(first) < 0)
            {
                error.WriteLine("error: --instances must be at least 1 and --instance at least 0");
                return SpecAction.Usage;
            }

            if (parse.GetValue(instances) > AccuracyBudget.MaxInstances)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: --instances must be from 1 to {AccuracyBudget.MaxInstances}; found {parse.GetValue(instances)}"));
                return SpecAction.Usage;
            }

            if (OutputTargets.IsEmpty(error, "--out", parse.GetValue(output)))
            {
                return SpecAction.Usage;
            }

            return SpecAction.Run(error, () =>
            {
                OutputTargets.CheckFolder("--out", parse.GetValue(output), "accuracy.json");
                var options = new EvaluationOptions(parse.GetValue(instances), parse.GetValue(functional.Seed), path, limit, FirstInstance: parse.GetValue(first), PathCheckSamples: pathCheck);
                DataSplit? data = null;
                var setup = FunctionalCli.Load(parse.GetValue(point.Arch)!, overrides, parse.GetValue(point.Workload)!, partition, parse.GetValue(functional.Weights)!, error, (architecture, workload, ranks) =>
                {
                    data = DatasetLoader.Load(parse.GetValue(functional.Data)!, workload);
                    AccuracyBudget.Evaluate(architecture, workload, ranks, data, limit, options.Instances, path, options.BatchSize, error);
                });
                data ??= DatasetLoader.Load(parse.GetValue(functional.Data)!, setup.Workload);
                var report = AccuracyEvaluator.Evaluate(setup.Architecture, setup.Network, setup.Partition, data, options);
                var o = parse.InvocationConfiguration.Output;
                o.Write(Summary(report));
                if (report.PathCheck?.Warning($"{report.Workload} on {report.Architecture}, {report.Partition}") is { } warning)
                {
                    error.WriteLine(warning);
                }
                if (parse.GetValue(output) is { } dir)
                {
                    AccuracyJson.WriteFile(System.IO.Path.Combine(dir, "accuracy.json"), report);
                }

                return SpecAction.Ok;
            });
        });
        return command;
    }

    public static string Summary(AccuracyReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        static string P(double v) => (100 * v).ToString("0.00", CultureInfo.InvariantCulture) + "%";
        var text = new System.Text.StringBuilder();
        text.Append(inv, $"{r.Workload} on {r.Architecture}, {r.Partition}, {r.Dataset}: {r.Samples} samples, {r.Instances} chip(s), {r.Path} path, seed {r.Seed}\n");
        text.Append(inv, $"  float accuracy      {P(r.FloatAccuracy)}\n");
        text.Append(inv, $"  quantized accuracy  {P(r.QuantizedAccuracy)} (fixed point, ideal device)\n");
        text.Append(inv, $"  device accuracy     {P(r.Accuracy)}");
        if (r.Instances > 1)
        {
            text.Append(inv, $" ± {P(r.AccuracyStd)} (min {P(r.AccuracyMin)}, 95% interval {P(r.AccuracyCi95.Low)} to {P(r.AccuracyCi95.High)})");
        }

        text.Append('\n');
        if (r.PathCheck is { } check)
        {
            text.Append(inv, $"  path check          {P(check.FastAccuracy)} fast, {P(check.ExactAccuracy)} exact on the first {check.Samples} samples of the first chip ({check.GapPoints:0.00} points apart)\n");
        }

        foreach (var l in r.Layers)
        {
            text.Append(inv, $"    {l.Name,-24} {l.Placement,-8} output error {l.OutputErrorRms.ToString("0.0000", inv)} (RMS, relative)\n");
        }

        return text.ToString();
    }
}
