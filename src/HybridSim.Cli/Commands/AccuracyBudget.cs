using System.Globalization;
using HybridSim.Functional.Data;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

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
    public static void CheckInputs(string weights, string data, string workloadName)
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

        DatasetLoader.Load(data, workload);
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
