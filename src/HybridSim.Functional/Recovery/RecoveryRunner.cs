using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Compiler.Partitioning;
using HybridSim.Functional.Data;
using HybridSim.Functional.Evaluation;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Training;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Recovery;

/// <summary>
/// Runs a recovery on a point (docs/model.md, "Functional model" and "Recovery"; HyperX III-B, LoBranch Algorithms 1 and 2) and measures it: the
/// given weights on N chips, then the recovered ones. Per-chip methods (retraining, Algorithm 2) train one copy per
/// chip, since each chip has its own errors, and evaluate it on that chip. Deterministic for the seeds given.
/// </summary>
public static class RecoveryRunner
{
    /// <param name="save">Called with a name (<c>alg1</c>, <c>instance-K</c>) and the recovered network; returns the file written, or null.</param>
    public static RecoveryReport Run(ArchitectureSpec architecture, FunctionalNetwork network, PartitionSpec partition, DataSplit data, RecoveryOptions options,
        IRecoveryProgress? progress = null, Func<string, FunctionalNetwork, string?>? save = null)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var train = data.Train ?? throw Input(data.Test.Name, "--data", $"recovery trains on the data's training split, and '{data.Test.Name}' has none (give a folder or a named set with train and test parts)");
        if (options.TrainLimit is { } limit)
        {
            train = train.Take(limit);
        }

        var plan = PartitionPlanner.Plan(architecture, network.Workload, partition);
        var hasBranch = plan.Any(p => p is { BranchRank: > 0 });
        if (options.Method == RecoveryMethod.Retrain && hasBranch)
        {
            throw Input("--recover", "", $"--recover retrain retrains the SRAM layers of a freeze-x point; {partition} has LoBranch branches (use --recover lobranch, alg1 or alg2)");
        }

        if (options.Method is RecoveryMethod.LoBranch or RecoveryMethod.Alg1 or RecoveryMethod.Alg2 && !hasBranch)
        {
            throw Input("--recover", "", $"--recover {RecoveryOptions.Name(options.Method)} trains LoBranch branches; {partition} has none (give --rank R with R >= 1, or use --recover retrain)");
        }

        var files = ImmutableArray.CreateBuilder<string>();
        void Save(string name, FunctionalNetwork n)
        {
            if (save?.Invoke(name, n) is { } file)
            {
                files.Add(file);
            }
        }

        progress?.Stage($"evaluating the given weights on {options.Evaluation.Instances} chip(s)");
        var before = AccuracyEvaluator.Evaluate(architecture, network, partition, data, options.Evaluation);
        AccuracyReport? afterAlg1 = null;
        AccuracyReport after;
        long trained;
        switch (options.Method)
        {
            case RecoveryMethod.Retrain:
                (after, trained) = Retrain(architecture, network, partition, plan, data, train, options, progress, Save);
                break;
            case RecoveryMethod.Alg1:
                (var alg1, trained) = Algorithm1(architecture, network, plan, train, options, progress);
                Save("alg1", alg1);
                progress?.Stage("evaluating Algorithm 1's weights");
                after = AccuracyEvaluator.Evaluate(architecture, alg1, partition, data, options.Evaluation);
                break;
            case RecoveryMethod.LoBranch:
                (var first, var trained1) = Algorithm1(architecture, network, plan, train, options, progress);
                Save("alg1", first);
                progress?.Stage("evaluating Algorithm 1's weights");
                afterAlg1 = AccuracyEvaluator.Evaluate(architecture, first, partition, data, options.Evaluation);
                (after, _) = Algorithm2(architecture, first, partition, plan, data, train, options, progress, Save);
                trained = trained1;
                break;
            case RecoveryMethod.Alg2:
                (after, trained) = Algorithm2(architecture, network, partition, plan, data, train, options, progress, Save);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options));
        }

        return new RecoveryReport(options.Method, before, afterAlg1, after, options.Training.Epochs, options.Training.LearningRate, train.Count, trained, files.ToImmutable());
    }

    /// <summary>HyperX: per chip, the frozen layers' outputs cached, the SRAM layers retrained (QAT at 8 bits or fewer), evaluated on that chip.</summary>
    private static (AccuracyReport After, long Trained) Retrain(ArchitectureSpec architecture, FunctionalNetwork network, PartitionSpec partition,
        ImmutableArray<LayerPartition?> plan, DataSplit data, Dataset train, RecoveryOptions options, IRecoveryProgress? progress, Action<string, FunctionalNetwork> save)
    {
        var workload = network.Workload;
        var evaluation = options.Evaluation;
        var anyAnalog = plan.Any(p => p is { Placement: TileKind.Analog });
        var reports = new List<AccuracyReport>();
        long trained = 0;
        var chips = anyAnalog ? evaluation.Instances : 1;
        for (var k = 0; k < chips; k++)
        {
            var copy = network.Clone();
            var chipLabel = anyAnalog ? ChipLabel(evaluation.FirstInstance + k, k, evaluation.Instances) + ": " : "";
            FrozenPrefix? prefix = null;
            if (anyAnalog)
            {
                progress?.Stage($"{chipLabel}programming and caching the frozen layers' outputs for {train.Count} samples");
                var model = FixedPointModel.Prepare(architecture, copy, plan, AccuracyEvaluator.Calibration(data, evaluation.CalibrationSamples), evaluation.BatchSize);
                var chip = model.Program(EvaluationOptions.InstanceSeed(evaluation.Seed, evaluation.FirstInstance + k), evaluation.Path);
                prefix = FrozenPrefix.Build(model, chip, evaluation.Path, plan, train, evaluation.BatchSize, options.MaxCacheBytes);
            }

            var frozen = prefix?.Frozen ?? [];
            var trainable = TrainableParameters(copy, frozen);
            if (trainable.Count == 0)
            {
                // Every weight layer is on RRAM: nothing to retrain; the given weights are the result.
                progress?.Stage($"{chipLabel}no SRAM layers to retrain");
            }
            else
            {
                var digitalBits = architecture.Tile(TileKind.Digital).Core.Mvmu.WeightBits;
                var fakeQuantized = digitalBits <= 8
                    ? workload.Layers.Select((l, i) => (l, i)).Where(p => p.l.HasWeights && !frozen.Contains(p.i) && plan[p.i] is { Placement: TileKind.Digital })
                        .Select(p => (copy.Parameter(p.l.Name + ".weight"), digitalBits)).ToList()
                    : [];
                progress?.Stage($"{chipLabel}retraining {workload.Layers.Where((l, i) => l.HasWeights && !frozen.Contains(i)).Count()} SRAM layer(s) for {options.Training.Epochs} epoch(s){(fakeQuantized.Count > 0 ? $", quantization-aware at {digitalBits} bits" : "")}");
                Trainer.Train(copy, train, null, options.Training, progress?.Training, trainable, new RetrainHooks(copy, prefix, fakeQuantized, uncached: false));
                trained = trainable.Sum(n => (long)copy.Parameter(n).Length);
            }

            save(Instance(evaluation.FirstInstance + k), copy);
            progress?.Stage($"{chipLabel}evaluating the retrained weights");
            var options1 = anyAnalog ? evaluation with { Instances = 1, FirstInstance = evaluation.FirstInstance + k } : evaluation;
            reports.Add(AccuracyEvaluator.Evaluate(architecture, copy, partition, data, options1));
        }

        return (AccuracyEvaluator.Combine(reports), trained);
    }

    /// <summary>LoBranch Algorithm 1 on a copy: W, A, B and the batch norms trained with Gaussian device noise on every RRAM weight.</summary>
    private static (FunctionalNetwork Network, long Trained) Algorithm1(ArchitectureSpec architecture, FunctionalNetwork network, ImmutableArray<LayerPartition?> plan,
        Dataset train, RecoveryOptions options, IRecoveryProgress? progress)
    {
        var copy = network.Clone();
        var analog = architecture.Tile(TileKind.Analog).Core.Mvmu as AnalogMvmuSpec
            ?? throw Input(architecture.SourceFile, "tiles.analog", $"architecture '{architecture.Name}' has no analog MVMU for Algorithm 1's device noise");
        var arithmetic = AnalogArithmetic.Of(analog);
        var layers = plan.Select((p, i) => (p, i)).Where(q => q.p is { Placement: TileKind.Analog }).Select(q => (q.i, arithmetic)).ToList();
        progress?.Stage($"Algorithm 1: noise-aware training of W, A and B for {options.Training.Epochs} epoch(s), σ = {analog.Device.ProgrammingSigma.ToString(CultureInfo.InvariantCulture)} level(s) per cell");
        var noiseSeed = CounterRandom.Key(options.Evaluation.Seed, -1);
        Trainer.Train(copy, train, null, options.Training, progress?.Training, null, new NoiseInjectionHooks(copy, layers, noiseSeed));
        return (copy, copy.Parameters.Where(p => !p.IsBuffer).Sum(p => (long)p.Length));
    }

    /// <summary>LoBranch Algorithm 2: per chip, W programmed, only A and B fine-tuned against the deployed outputs, evaluated on that chip.</summary>
    private static (AccuracyReport After, long Trained) Algorithm2(ArchitectureSpec architecture, FunctionalNetwork network, PartitionSpec partition,
        ImmutableArray<LayerPartition?> plan, DataSplit data, Dataset train, RecoveryOptions options, IRecoveryProgress? progress, Action<string, FunctionalNetwork> save)
    {
        var evaluation = options.Evaluation;
        var reports = new List<AccuracyReport>();
        var branch = network.Parameters.Where(p => p.Name.EndsWith(".lobranch_a", StringComparison.Ordinal) || p.Name.EndsWith(".lobranch_b", StringComparison.Ordinal))
            .Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        for (var k = 0; k < evaluation.Instances; k++)
        {
            var instance = evaluation.FirstInstance + k;
            var copy = network.Clone();
            progress?.Stage($"{ChipLabel(instance, k, evaluation.Instances)}: Algorithm 2, fine-tuning A and B on the programmed chip for {options.Training.Epochs} epoch(s) at lr {options.BranchLearningRate.ToString(CultureInfo.InvariantCulture)}");
            var model = FixedPointModel.Prepare(architecture, copy, plan, AccuracyEvaluator.Calibration(data, evaluation.CalibrationSamples), evaluation.BatchSize);
            var chip = model.Program(EvaluationOptions.InstanceSeed(evaluation.Seed, instance), evaluation.Path);
            Trainer.Train(copy, train, null, options.Training with { LearningRate = options.BranchLearningRate }, progress?.Training, branch,
                new DeployedHooks(model, chip, evaluation.Path));
            save(Instance(instance), copy);
            progress?.Stage($"{ChipLabel(instance, k, evaluation.Instances)}: evaluating");
            reports.Add(AccuracyEvaluator.Evaluate(architecture, copy, partition, data, evaluation with { Instances = 1, FirstInstance = instance }));
        }

        return (AccuracyEvaluator.Combine(reports), branch.Sum(n => (long)network.Parameter(n).Length));
    }

    /// <summary>Bad input, reported as exit 1 naming the option or file.</summary>
    internal static SpecException Input(string file, string path, string message) => new(new SpecError(file, 0, 0, path, message));

    private static string Instance(int k) => "instance-" + k.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A chip on the console, numbered as its files and <c>--instance</c> number it (from 0: chip 0 wrote instance-0.npz),
    /// with its place in the run: "chip 0 (1 of 3)".
    /// </summary>
    internal static string ChipLabel(int instance, int index, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"chip {instance} ({index + 1} of {count})");

    /// <summary>The parameters of every layer that is not frozen (weights, biases, branches, batch-norm scale and shift).</summary>
    private static HashSet<string> TrainableParameters(FunctionalNetwork network, ImmutableSortedSet<int> frozen)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var layers = network.Workload.Layers;
        for (var i = 0; i < layers.Length; i++)
        {
            if (frozen.Contains(i))
            {
                continue;
            }

            foreach (var p in network.Parameters.Where(p => !p.IsBuffer && p.Name.StartsWith(layers[i].Name + ".", StringComparison.Ordinal)))
            {
                names.Add(p.Name);
            }
        }

        return names;
    }
}
