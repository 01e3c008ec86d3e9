using System.Collections.Immutable;
using HybridSim.Compiler.Partitioning;
using HybridSim.Functional.Data;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Specs.Architecture;
using MathNet.Numerics.Distributions;

namespace HybridSim.Functional.Evaluation;

/// <summary>
/// Runs a trained network on data three ways, per partition: in float, as the ideal fixed-point model, and on
/// N programmed chips (docs/model.md, "Functional model"). Accuracies come from running the network on the samples, nothing else.
/// </summary>
public static class AccuracyEvaluator
{
    public static AccuracyReport Evaluate(ArchitectureSpec architecture, FunctionalNetwork network, PartitionSpec partition, DataSplit data, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var plan = PartitionPlanner.Plan(architecture, network.Workload, partition);
        var model = FixedPointModel.Prepare(architecture, network, plan, Calibration(data, options.CalibrationSamples), options.BatchSize);
        var test = options.Limit is { } limit ? data.Test.Take(limit) : data.Test;
        var ideal = model.Ideal();

        var floatCorrect = 0;
        var quantizedCorrect = 0;
        FixedPointModel.ForEachBatch(test, options.BatchSize, (input, start) =>
        {
            floatCorrect += Correct(network.Forward(input, ForwardMode.Inference), test.Labels, start);
            quantizedCorrect += Correct(model.Forward(input, ideal, InferencePath.Fast, start), test.Labels, start);
        });

        var layerCount = model.WeightLayers.Count;
        var perInstance = new double[options.Instances];
        var layerError = new double[layerCount];
        for (var instance = 0; instance < options.Instances; instance++)
        {
            var chip = model.Program(EvaluationOptions.InstanceSeed(options.Seed, options.FirstInstance + instance), options.Path);
            var diff = new double[layerCount];
            var reference = new double[layerCount];
            var correct = 0;
            FixedPointModel.ForEachBatch(test, options.BatchSize, (input, start) =>
            {
                var idealOutputs = new Tensor[layerCount];
                model.Forward(input, ideal, InferencePath.Fast, start, (k, t) => idealOutputs[k] = t.Clone());
                var logits = model.Forward(input, chip, options.Path, start, (k, t) =>
                {
                    var a = idealOutputs[k].Data;
                    var b = t.Data;
                    for (var e = 0; e < a.Length; e++)
                    {
                        var d = (double)b[e] - a[e];
                        diff[k] += d * d;
                        reference[k] += (double)a[e] * a[e];
                    }
                });
                correct += Correct(logits, test.Labels, start);
            });
            perInstance[instance] = (double)correct / test.Count;
            for (var k = 0; k < layerCount; k++)
            {
                layerError[k] += (reference[k] > 0 ? Math.Sqrt(diff[k] / reference[k]) : 0) / options.Instances;
            }
        }

        var (mean, std, ci) = Summary(perInstance);
        var layers = model.WeightLayers.Select((l, k) => new LayerAccuracy(l.Name, l.Placement == TileKind.Analog ? "analog" : "digital", layerError[k]));
        return new AccuracyReport(architecture.Name, network.Workload.Name, partition, test.Name, test.Count, options.Instances, mean, std,
            perInstance.Min(), ci, [.. perInstance], (double)floatCorrect / test.Count, (double)quantizedCorrect / test.Count, [.. layers],
            options.Seed, options.Path == InferencePath.Exact ? "exact" : "fast")
        {
            PathCheck = CheckPaths(model, test, options),
        };
    }

    /// <summary>The fast path's <see cref="PathCheck"/>: the first chip on the first test samples, both paths.</summary>
    private static PathCheck? CheckPaths(FixedPointModel model, Dataset test, EvaluationOptions options)
    {
        if (options.Path != InferencePath.Fast || options.PathCheckSamples <= 0 || model.Matrices.All(m => m.Analog is null))
        {
            return null;
        }

        var samples = test.Take(Math.Min(options.PathCheckSamples, test.Count));
        var seed = EvaluationOptions.InstanceSeed(options.Seed, options.FirstInstance);
        int Correct(InferencePath path)
        {
            var chip = model.Program(seed, path);
            var correct = 0;
            FixedPointModel.ForEachBatch(samples, options.BatchSize, (input, start) =>
                correct += AccuracyEvaluator.Correct(model.Forward(input, chip, path, start), samples.Labels, start));
            return correct;
        }

        return new PathCheck(samples.Count, (double)Correct(InferencePath.Exact) / samples.Count, (double)Correct(InferencePath.Fast) / samples.Count);
    }

    /// <summary>One report from reports of single chips (each chip's own recovered weights): instances in order, the
    /// spread over all of them, the float and quantized accuracies and layer errors averaged.</summary>
    public static AccuracyReport Combine(IReadOnlyList<AccuracyReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentOutOfRangeException.ThrowIfZero(reports.Count);
        var first = reports[0];
        var perInstance = reports.SelectMany(r => r.PerInstance).ToArray();
        var (mean, std, ci) = Summary(perInstance);
        var layers = first.Layers.Select((l, k) => l with { OutputErrorRms = reports.Average(r => r.Layers[k].OutputErrorRms) });
        return first with
        {
            Instances = perInstance.Length,
            Accuracy = mean,
            AccuracyStd = std,
            AccuracyMin = perInstance.Min(),
            AccuracyCi95 = ci,
            PerInstance = [.. perInstance],
            FloatAccuracy = reports.Average(r => r.FloatAccuracy),
            QuantizedAccuracy = reports.Average(r => r.QuantizedAccuracy),
            Layers = [.. layers],
        };
    }

    /// <summary>docs/model.md, "Functional model" (quantization): the first samples of the training split when the data has one, else of the set given.</summary>
    public static Dataset Calibration(DataSplit data, int samples)
    {
        ArgumentNullException.ThrowIfNull(data);
        return (data.Train ?? data.Test).Take(samples);
    }

    /// <summary>Mean, sample standard deviation, and the 95% Student-t interval of the mean.</summary>
    public static (double Mean, double Std, (double Low, double High) Ci95) Summary(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        var mean = values.Average();
        if (n < 2)
        {
            return (mean, 0, (mean, mean));
        }

        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        var half = StudentT.InvCDF(0, 1, n - 1, 0.975) * std / Math.Sqrt(n);
        return (mean, std, (mean - half, mean + half));
    }

    /// <summary>Samples whose largest logit is their label (the first largest on ties).</summary>
    public static int Correct(Tensor logits, int[] labels, int start)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        var classes = logits.SampleSize;
        var correct = 0;
        for (var i = 0; i < logits.N; i++)
        {
            var row = logits.Sample(i);
            var best = 0;
            for (var c = 1; c < classes; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            correct += best == labels[start + i] ? 1 : 0;
        }

        return correct;
    }
}
