using System.CommandLine;
using System.Globalization;
using HybridSim.Functional.Data;
using HybridSim.Functional.Evaluation;
using HybridSim.Functional.Recovery;
using HybridSim.Functional.Weights;
using HybridSim.Compiler;
using HybridSim.Hardware.Programming;
using HybridSim.Metrics.Programming;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

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

    public const string MultiTaskFile = "multitask.json";

    public static Command Create()
    {
        var point = new PointOptions();
        var functional = new FunctionalOptions(required: false);
        var recovery = new RecoveryCliOptions(required: true, multitask: true);
        var tasks = new Option<string[]>("--task") { Description = "With --recover multitask: a task, DATA or DATA@CLASSES (e.g. fashion-mnist@0-4); repeat for each task" };
        var instances = new Option<int>("--instances") { Description = "Programmed chips (each one seed); per-chip methods recover each", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Directory for recovery.json and the recovered weights (.npz)", Required = true };
        var command = new Command("recover", "Recover the accuracy the RRAM errors cost: retrain the SRAM layers (HyperX) or train the low-rank branch (LoBranch).");
        point.AddTo(command);
        functional.AddTo(command);
        functional.AddPathCheckTo(command);
        recovery.AddTo(command);
        command.Options.Add(instances);
        command.Options.Add(tasks);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!point.TryRead(parse, error, out var partition, out var overrides) || !functional.TryRead(parse, error, out var path, out var limit)
                || !recovery.TryRead(parse, error, out var method, out var training, out var branchRate, out var trainLimit)
                || functional.ReadPathCheck(parse, error) is not { } pathCheck)
            {
                return SpecAction.Usage;
            }

            if (parse.GetValue(instances) is < 1 or > AccuracyBudget.MaxInstances)
            {
                error.WriteLine($"error: --instances must be from 1 to {AccuracyBudget.MaxInstances}");
                return SpecAction.Usage;
            }

            var multitask = parse.GetValue(recovery.Recover) == RecoveryCliOptions.MultiTask;
            var taskTexts = parse.GetValue(tasks) ?? [];
            if (multitask != (taskTexts.Length > 0) || (multitask && taskTexts.Length < 1))
            {
                error.WriteLine("error: --recover multitask takes one --task DATA[@CLASSES] per task, and --task needs --recover multitask");
                return SpecAction.Usage;
            }

            if (parse.GetValue(functional.Weights) is null || (!multitask && parse.GetValue(functional.Data) is null))
            {
                error.WriteLine("error: recover needs --weights, and --data unless --recover multitask names the data with --task");
                return SpecAction.Usage;
            }

            var dir = parse.GetValue(output);
            if (OutputTargets.IsEmpty(error, "--out", dir))
            {
                return SpecAction.Usage;
            }

            return SpecAction.Run(error, () =>
            {
                OutputTargets.CheckFolder("--out", dir, multitask ? MultiTaskFile : ReportFile);
                var setup = FunctionalCli.Load(parse.GetValue(point.Arch)!, overrides, parse.GetValue(point.Workload)!, partition, parse.GetValue(functional.Weights)!, error);
                var evaluation = new EvaluationOptions(parse.GetValue(instances), parse.GetValue(functional.Seed), path, limit, PathCheckSamples: pathCheck);
                var o = parse.InvocationConfiguration.Output;
                var progress = new RecoveryProgressPrinter(o, ReferenceEquals(o, Console.Out) && !Console.IsOutputRedirected, training.Epochs);
                if (multitask)
                {
                    // Costed before training, so missing write figures fail at once rather than after every task.
                    var cost = SwitchCosts(setup.Architecture, setup.Workload, setup.Partition);
                    var specs = taskTexts.Select(TaskSpec.Parse).ToList();
                    var loaded = specs.Select(t => (t, t.Select(DatasetLoader.Load(t.Data, setup.Workload)))).ToList();
                    foreach (var (task, split) in loaded)
                    {
                        // Each task trains its branch on every chip, and is evaluated without and with it.
                        AccuracyBudget.Train(setup.Workload, split, training.BatchSize, (int)Math.Min(int.MaxValue, (long)training.Epochs * evaluation.Instances), error, $"recover (task {task.Text}, training)", trainLimit);
                        AccuracyBudget.Evaluate(setup.Architecture, setup.Workload, setup.BranchRanks, split, limit, 2 * evaluation.Instances, path, evaluation.BatchSize, error, $"recover (task {task.Text}, evaluation)");
                    }

                    var files = new List<string>();
                    var results = MultiTaskRunner.Run(setup.Architecture, setup.Network, setup.Partition, loaded,
                        new RecoveryOptions(RecoveryMethod.Alg2, training, evaluation, branchRate, trainLimit), progress, (name, network) =>
                        {
                            var file = name + ".npz";
                            NpzFile.Write(System.IO.Path.Combine(dir!, file), network.SaveWeights());
                            files.Add(file);
                            return file;
                        });
                    MultiTaskJson.WriteFile(System.IO.Path.Combine(dir!, MultiTaskFile), results, [.. files], cost);
                    o.Write(MultiTaskSummary(results));
                    o.Write(SwitchSummary(cost));
                    o.WriteLine($"wrote {System.IO.Path.Combine(dir!, MultiTaskFile)} and {files.Count} weight file(s)");
                    return SpecAction.Ok;
                }

                var data = DatasetLoader.Load(parse.GetValue(functional.Data)!, setup.Workload);
                AccuracyBudget.Train(setup.Workload, data, training.BatchSize, (int)Math.Min(int.MaxValue, (long)training.Epochs * evaluation.Instances), error, "recover (training)", trainLimit);
                AccuracyBudget.Evaluate(setup.Architecture, setup.Workload, setup.BranchRanks, data, limit, 2 * evaluation.Instances, path, evaluation.BatchSize, error, "recover (evaluation)");
                var options = new RecoveryOptions(method!.Value, training, evaluation, branchRate, trainLimit);
                var report = RecoveryRunner.Run(setup.Architecture, setup.Network, setup.Partition, data, options, progress, (name, network) =>
                {
                    var file = name + ".npz";
                    NpzFile.Write(System.IO.Path.Combine(dir!, file), network.SaveWeights());
                    return file;
                });
                RecoveryJson.WriteFile(System.IO.Path.Combine(dir!, ReportFile), report);
                o.Write(Summary(report));
                if (report.Before.PathCheck?.Warning($"{report.Before.Workload} on {report.Before.Architecture}, {report.Before.Partition}, the given weights") is { } warning)
                {
                    error.WriteLine(warning);
                }

                o.WriteLine($"wrote {System.IO.Path.Combine(dir!, ReportFile)} and {report.WeightFiles.Length} weight file(s)");
                return SpecAction.Ok;
            });
        });
        return command;
    }

    /// <summary>
    /// One task switch (programming every LoBranch A and B, on SRAM) against rewriting W (every analog matrix, on RRAM),
    /// from the weight-programming model of <c>run --program</c>.
    /// </summary>
    public static SwitchCost SwitchCosts(ArchitectureSpec architecture, WorkloadSpec workload, PartitionSpec partition)
    {
        var program = ProgramCompiler.Compile(architecture, workload, partition);
        var branch = ProgrammingCost.Compute(architecture, WeightProgrammer.Program(program,
            b => b.Matrix.EndsWith(".A", StringComparison.Ordinal) || b.Matrix.EndsWith(".B", StringComparison.Ordinal)));
        var rewrite = ProgrammingCost.Compute(architecture, WeightProgrammer.Program(program, b => b.Placement == TileKind.Analog));
        return new SwitchCost(
            branch.Sram.CellsWritten + branch.Rram.CellsWritten, branch.EnergyPj, branch.LatencyNs, branch.EnduranceUsed,
            rewrite.Rram.CellsWritten, rewrite.EnergyPj, rewrite.LatencyNs, rewrite.EnduranceUsed);
    }

    public static string SwitchSummary(SwitchCost c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return string.Create(CultureInfo.InvariantCulture,
            $"switch (A and B on SRAM): {c.BranchCells} cells, {c.BranchEnergyPj * 1e-3:0.###} nJ, {c.BranchLatencyNs:0.###} ns, endurance used {c.BranchEnduranceUsed:0.###E+0}; rewriting W (RRAM): {c.RramCells} cells, {c.RramEnergyPj * 1e-3:0.###} nJ, {c.RramLatencyNs:0.###} ns, endurance used {c.RramEnduranceUsed:0.###E+0}\n");
    }

    public static string MultiTaskSummary(IEnumerable<TaskResult> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var inv = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        foreach (var t in tasks)
        {
            text.Append(inv, $"task {t.Task.Text}: {t.WithoutBranch.Samples} test samples; W alone {100 * t.WithoutBranch.Accuracy:0.00}% ± {100 * t.WithoutBranch.AccuracyStd:0.00}%, with its branch {100 * t.WithBranch.Accuracy:0.00}% ± {100 * t.WithBranch.AccuracyStd:0.00}%; ");
            text.Append(inv, $"switching writes {t.BranchWeightsWritten} SRAM values (fine-tuning W would rewrite {t.RramWeightsRewritten} RRAM values)\n");
        }

        return text.ToString();
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
