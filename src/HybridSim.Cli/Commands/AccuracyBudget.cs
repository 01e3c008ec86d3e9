using System.Globalization;
using HybridSim.Functional.Data;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;
using HybridSim.Sweeps;
using HybridSim.Sweeps.Accuracy;

namespace HybridSim.Cli.Commands;

/// <summary>
/// The accuracy verbs' checks of their estimated memory and work (<see cref="FunctionalFootprint"/>) before they start:
/// over a limit is exit 1 naming the figure and the option to change; over a minute prints the estimate first.
/// </summary>
internal static class AccuracyBudget
{
    /// <summary>Most --batch-size: one batch of this many samples of a small network is already a few hundred MB.</summary>
    public const int MaxBatchSize = 65_536;

    /// <summary>Most --epochs.</summary>
    public const int MaxEpochs = 100_000;

    /// <summary>Most chips one evaluate programs (--instances).</summary>
    public const int MaxInstances = 10_000;

    /// <summary>Estimates above this many seconds are printed before the work starts.</summary>
    public const double AnnounceSeconds = 60;

    public static void Train(WorkloadSpec workload, DataSplit data, int batch, int epochs, TextWriter error, string verb = "train", int? sampleLimit = null)
    {
        var samples = Math.Min((data.Train ?? data.Test).Count, sampleLimit ?? int.MaxValue);
        var footprint = FunctionalFootprint.Of(workload);
        var seconds = footprint.Check(workload.SourceFile, verb, footprint.TrainingBytes(Math.Min(batch, samples), Values(data)), "--batch-size",
            footprint.TrainingWork(samples, epochs), "--epochs", Available);
        Announce(error, verb, workload, seconds, string.Create(CultureInfo.InvariantCulture, $"{epochs} epochs of {samples} samples"));
    }

    public static void Evaluate(ArchitectureSpec architecture, WorkloadSpec workload, IReadOnlyDictionary<string, int>? ranks, DataSplit data, int? limit,
        int instances, InferencePath path, int batch, TextWriter error, string verb = "evaluate")
    {
        var samples = Math.Min(data.Test.Count, limit ?? int.MaxValue);
        var footprint = FunctionalFootprint.Of(workload, ranks);
        var analog = architecture.AnalogTile?.Core.Mvmu is AnalogMvmuSpec a ? AnalogArithmetic.Of(a) : null;
        var onCells = path == InferencePath.Exact && analog is not null;
        var cells = onCells ? analog!.Slices : 0;
        var conversions = onCells ? ((analog!.InputBits + analog.DacBits - 1) / analog.DacBits) * analog.Slices : 0;
        var seconds = footprint.Check(workload.SourceFile, verb, footprint.InferenceBytes(batch, Values(data), cells), "--data (a smaller data set)",
            footprint.EvaluationWork(samples, instances, conversions), instances > 1 ? "--instances or --limit" : path == InferencePath.Exact ? "--limit, or use --path fast" : "--limit", Available);
        Announce(error, verb, workload, seconds, string.Create(CultureInfo.InvariantCulture,
            $"{samples} samples, {instances} chip(s), {(path == InferencePath.Exact ? "exact" : "fast")} path{(path == InferencePath.Exact ? "; --path fast or --limit K is quicker" : "")}"));
    }

    /// <summary>
    /// An accuracy sweep's --weights and --data, read and checked once before any point runs (the same readers and
    /// limits as evaluate): the weights parse and hold finite values in range, the data loads for the workload.
    /// </summary>
    public static DataSplit CheckInputs(string weights, string data, string workloadName)
    {
        var workload = WorkloadLoader.Load(workloadName);
        foreach (var array in NpzFile.Read(weights))
        {
            if (ModelLimits.FirstOutOfRange(array.Data) is var bad and >= 0)
            {
                throw new HybridSim.Specs.Validation.SpecException(new HybridSim.Specs.Validation.SpecError(weights, 0, 0, array.Name,
                    ModelLimits.OutOfRangeMessage(array.Name, bad, array.Data[bad])));
            }
        }

        return DatasetLoader.Load(data, workload);
    }

    /// <summary>
    /// An accuracy sweep's memory and work before any point runs: each point evaluates its chips (before and after
    /// recovery, when one is given) and retrains on each chip, as <see cref="Evaluate"/> and <see cref="Train"/> count
    /// them; memory is one point's (points run one after another per job), work is the sum over the points.
    /// </summary>
    public static void Sweep(SweepDefinition definition, AccuracyRequest accuracy, DataSplit data, TextWriter error)
    {
        var workload = WorkloadLoader.Load(definition.Workload);
        var maxRank = definition.Ranks.IsDefaultOrEmpty ? 0 : definition.Ranks.Max();
        var ranks = maxRank > 0 ? workload.WeightLayers.ToDictionary(l => l.Name, _ => maxRank) : null;
        var footprint = FunctionalFootprint.Of(workload, ranks);
        var partitions = Math.Max(1, (definition.Freezes.IsDefaultOrEmpty ? 0 : definition.Freezes.Length) + (definition.Ranks.IsDefaultOrEmpty ? 0 : definition.Ranks.Length));
        var variants = definition.Vary.IsDefaultOrEmpty ? 1 : definition.Vary.Aggregate(1L, (n, v) => n * v.Values.Length);
        var samples = Math.Min(data.Test.Count, accuracy.Limit ?? int.MaxValue);
        var trainSamples = Math.Min((data.Train ?? data.Test).Count, accuracy.TrainLimit ?? int.MaxValue);
        var recovering = accuracy.Recovery is not null;
        var bytes = 0.0;
        var work = 0.0;
        foreach (var file in definition.Architectures)
        {
            var architecture = ArchitectureLoader.Load(file, definition.Sets);
            var analog = architecture.AnalogTile?.Core.Mvmu is AnalogMvmuSpec a ? AnalogArithmetic.Of(a) : null;
            var onCells = accuracy.Path == InferencePath.Exact && analog is not null;
            var conversions = onCells ? ((analog!.InputBits + analog.DacBits - 1) / analog.DacBits) * analog.Slices : 0;
            bytes = Math.Max(bytes, Math.Max(
                footprint.InferenceBytes(64, Values(data), onCells ? analog!.Slices : 0),
                recovering ? footprint.TrainingBytes(Math.Min(accuracy.Training.BatchSize, trainSamples), Values(data)) : 0));
            var point = footprint.EvaluationWork(samples, accuracy.Instances, conversions) * (recovering ? 2 : 1)
                + (recovering ? footprint.TrainingWork(trainSamples, accuracy.Training.Epochs) * accuracy.Instances : 0);
            work += point * partitions * variants;
        }

        var seconds = footprint.Check(workload.SourceFile, "sweep", bytes, "--batch-size or --data (a smaller data set)", work,
            "--instances, --epochs, --train-limit or --limit", Available);
        var points = (long)partitions * variants * definition.Architectures.Length;
        Announce(error, "the accuracy half of this sweep", workload, seconds, string.Create(CultureInfo.InvariantCulture,
            $"{points} points, {accuracy.Instances} chip(s) each, {samples} test samples{(recovering ? $", {accuracy.Training.Epochs} epoch(s) on {trainSamples} training samples per chip" : "")}"));
    }

    private static long Available => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    private static long Values(DataSplit data) => (long)data.Test.Images.Length + (data.Train?.Images.Length ?? 0);

    private static void Announce(TextWriter error, string verb, WorkloadSpec workload, double seconds, string what)
    {
        if (seconds > AnnounceSeconds)
        {
            error.WriteLine($"note: {verb} of {workload.Name} ({what}) will take an estimated {FunctionalFootprint.Duration(seconds)}");
        }
    }
}
