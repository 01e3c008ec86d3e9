using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Compiler.Partitioning;
using HybridSim.Functional.Data;
using HybridSim.Functional.Evaluation;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Training;
using HybridSim.Specs.Architecture;

namespace HybridSim.Functional.Recovery;

/// <summary>
/// LoBranch multi-task (section 4.2): one W on RRAM serves every task; each task has its own A and B in SRAM, fine-tuned
/// on each programmed chip from the same start (Algorithm 2 on the task's training data). Switching tasks writes that
/// task's A and B; the alternative, fine-tuning W, rewrites every RRAM weight. The counts are reported until the write
/// cost model exists.
/// </summary>
public static class MultiTaskRunner
{
    /// <param name="save">Called with a name (<c>task-T-instance-K</c>) and the network of that task and chip; returns the file written, or null.</param>
    public static ImmutableArray<TaskResult> Run(ArchitectureSpec architecture, FunctionalNetwork network, PartitionSpec partition,
        IReadOnlyList<(TaskSpec Task, DataSplit Data)> tasks, RecoveryOptions options, IRecoveryProgress? progress = null, Func<string, FunctionalNetwork, string?>? save = null)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(options);
        var plan = PartitionPlanner.Plan(architecture, network.Workload, partition);
        if (!plan.Any(p => p is { BranchRank: > 0 }))
        {
            throw RecoveryRunner.Input("--recover", "", $"--recover multitask gives each task a LoBranch branch; {partition} has none (give --rank R with R >= 1)");
        }

        var branch = network.Parameters.Where(p => p.Name.EndsWith(".lobranch_a", StringComparison.Ordinal) || p.Name.EndsWith(".lobranch_b", StringComparison.Ordinal)).ToList();
        var branchValues = branch.Sum(p => (long)p.Length);
        var rramValues = network.Workload.Layers.Where((l, i) => l.HasWeights && plan[i] is { Placement: TileKind.Analog }).Sum(l => (long)network.Parameter(l.Name + ".weight").Length);
        var evaluation = options.Evaluation;
        var results = ImmutableArray.CreateBuilder<TaskResult>();
        for (var t = 0; t < tasks.Count; t++)
        {
            var (task, data) = tasks[t];
            var train = data.Train ?? throw RecoveryRunner.Input(task.Text, "--task", $"task '{task.Text}' has no training split to fine-tune its branch on");
            if (options.TrainLimit is { } limit)
            {
                train = train.Take(limit);
            }

            // Every task starts from the same branch, with B = 0: W alone.
            var start = network.Clone();
            foreach (var p in branch.Where(p => p.Name.EndsWith(".lobranch_b", StringComparison.Ordinal)))
            {
                Array.Clear(start.Parameter(p.Name).Value);
            }

            progress?.Stage($"task {t} ({task.Text}, {t + 1} of {tasks.Count}): W alone on {evaluation.Instances} chip(s)");
            var without = AccuracyEvaluator.Evaluate(architecture, start, partition, data, evaluation);
            var reports = new List<AccuracyReport>();
            for (var k = 0; k < evaluation.Instances; k++)
            {
                var instance = evaluation.FirstInstance + k;
                var copy = start.Clone();
                progress?.Stage($"task {t} ({task.Text}, {t + 1} of {tasks.Count}), {RecoveryRunner.ChipLabel(instance, k, evaluation.Instances)}: fine-tuning its A and B on {train.Count} samples");
                var model = FixedPointModel.Prepare(architecture, copy, plan, AccuracyEvaluator.Calibration(data, evaluation.CalibrationSamples), evaluation.BatchSize);
                var chip = model.Program(EvaluationOptions.InstanceSeed(evaluation.Seed, instance), evaluation.Path);
                Trainer.Train(copy, train, null, options.Training with { LearningRate = options.BranchLearningRate }, progress?.Training,
                    branch.Select(p => p.Name).ToHashSet(StringComparer.Ordinal), new DeployedHooks(model, chip, evaluation.Path));
                save?.Invoke(string.Create(CultureInfo.InvariantCulture, $"task-{t}-instance-{instance}"), copy);
                reports.Add(AccuracyEvaluator.Evaluate(architecture, copy, partition, data, evaluation with { Instances = 1, FirstInstance = instance }));
            }

            results.Add(new TaskResult(task, train.Count, without, AccuracyEvaluator.Combine(reports), branchValues, rramValues));
        }

        return results.ToImmutable();
    }
}
