using System.Collections.Concurrent;
using System.Collections.Immutable;
using HybridSim.Compiler.Partitioning;
using HybridSim.Functional.Data;
using HybridSim.Functional.Evaluation;
using HybridSim.Functional.Recovery;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Architecture;
using HybridSim.Pipeline;

namespace HybridSim.Sweeps.Accuracy;

/// <summary>
/// The accuracy half of a sweep point: the point's network on the data, on the request's chips, recovered when a
/// recovery applies to its partition (retraining to freeze-x points, the branch algorithms to points with branches;
/// elsewhere the given weights are the result: nothing trains at rank 0, or with every layer on RRAM). Recovered
/// weights go to the point's folder, so <c>evaluate</c> reproduces them.
/// </summary>
public sealed class PointAccuracy(AccuracyRequest request)
{
    private readonly ConcurrentDictionary<string, Lazy<DataSplit>> _data = new(StringComparer.Ordinal);

    /// <summary>Measures <paramref name="point"/>; <paramref name="weightsFolder"/> receives recovered weights (null: not written).</summary>
    public ImmutableSortedDictionary<string, double> Measure(SweepPoint point, string? weightsFolder)
    {
        ArgumentNullException.ThrowIfNull(point);
        var architecture = ArchitectureLoader.Load(point.ArchitecturePath, point.Overrides);
        var setup = FunctionalPoint.Load(architecture, point.Workload, point.Partition, request.Weights, null);
        var data = _data.GetOrAdd(setup.Workload.Name, _ => new Lazy<DataSplit>(() => DatasetLoader.Load(request.Data, setup.Workload))).Value;
        var evaluation = new EvaluationOptions(request.Instances, request.Seed, request.Path, request.Limit);
        var method = Applicable(request.Recovery, setup.Plan);
        if (method is null)
        {
            var report = AccuracyEvaluator.Evaluate(setup.Architecture, setup.Network, setup.Partition, data, evaluation);
            return Metrics(report, report, null);
        }

        var options = new RecoveryOptions(method.Value, request.Training, evaluation, request.BranchLearningRate, request.TrainLimit);
        var recovery = RecoveryRunner.Run(setup.Architecture, setup.Network, setup.Partition, data, options, null, weightsFolder is null ? null : (name, network) =>
        {
            Directory.CreateDirectory(weightsFolder);
            var file = name + ".npz";
            NpzFile.Write(Path.Combine(weightsFolder, file), network.SaveWeights());
            return file;
        });
        return Metrics(recovery.Before, recovery.After, recovery.AfterAlgorithm1);
    }

    /// <summary>The recovery that applies to a partition plan, or null when there is nothing it could train.</summary>
    public static RecoveryMethod? Applicable(RecoveryMethod? method, ImmutableArray<LayerPartition?> plan)
    {
        var hasBranch = plan.Any(p => p is { BranchRank: > 0 });
        return method switch
        {
            RecoveryMethod.Retrain when !hasBranch => method,
            RecoveryMethod.LoBranch or RecoveryMethod.Alg1 or RecoveryMethod.Alg2 when hasBranch => method,
            _ => null,
        };
    }

    private static ImmutableSortedDictionary<string, double> Metrics(AccuracyReport before, AccuracyReport after, AccuracyReport? algorithm1)
    {
        var metrics = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        metrics[AccuracyColumns.Accuracy] = after.Accuracy;
        metrics[AccuracyColumns.AccuracyStd] = after.AccuracyStd;
        metrics[AccuracyColumns.Minimum] = after.AccuracyMin;
        metrics[AccuracyColumns.BeforeRecovery] = before.Accuracy;
        metrics[AccuracyColumns.BeforeRecoveryStd] = before.AccuracyStd;
        metrics[AccuracyColumns.Float] = before.FloatAccuracy;
        metrics[AccuracyColumns.Quantized] = before.QuantizedAccuracy;
        if (before.PathCheck is { } check)
        {
            metrics[AccuracyColumns.PathCheckExact] = check.ExactAccuracy;
            metrics[AccuracyColumns.PathCheckFast] = check.FastAccuracy;
        }

        if (algorithm1 is not null)
        {
            metrics[AccuracyColumns.Algorithm1] = algorithm1.Accuracy;
            metrics[AccuracyColumns.Algorithm1Std] = algorithm1.AccuracyStd;
        }

        return metrics.ToImmutable();
    }
}
