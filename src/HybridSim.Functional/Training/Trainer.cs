using System.Diagnostics;
using HybridSim.Functional.Data;
using HybridSim.Functional.Layers;
using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;

namespace HybridSim.Functional.Training;

/// <summary>Mini-batch training with softmax cross-entropy, and accuracy.</summary>
public static class Trainer
{
    /// <summary>
    /// Trains for <c>options.Epochs</c> epochs, shuffling each epoch with a generator seeded by <c>options.Seed</c>. A
    /// last mini-batch of a single sample is dropped (batch statistics of one sample are degenerate).
    /// <paramref name="trainableParameters"/> limits the updated parameters by name (null: every non-buffer one);
    /// batch-norm running statistics update in every training-mode forward regardless. <paramref name="hooks"/> puts a
    /// chip or device noise into each step (recovery).
    /// </summary>
    public static IReadOnlyList<EpochResult> Train(FunctionalNetwork network, Dataset train, Dataset? test, TrainingOptions options, ITrainingProgress? progress = null,
        ISet<string>? trainableParameters = null, ITrainingHooks? hooks = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Epochs);
        CheckShape(network, train);
        if (test is not null)
        {
            CheckShape(network, test);
        }

        if (trainableParameters is not null)
        {
            foreach (var name in trainableParameters)
            {
                _ = network.Parameter(name);
            }
        }

        var trained = network.Parameters.Where(p => !p.IsBuffer && (trainableParameters is null || trainableParameters.Contains(p.Name)));
        var optimizer = new Optimizer(trained, options);
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var full = train.Count / options.BatchSize;
        var remainder = train.Count % options.BatchSize;
        var batches = full + (remainder >= 2 || full == 0 ? 1 : 0);
        var totalSteps = Math.Max(1, (long)batches * options.Epochs);
        long step = 0;
        var results = new List<EpochResult>();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            Shuffle(random, order);
            double lossSum = 0;
            long correct = 0, seen = 0;
            for (var b = 0; b < batches; b++)
            {
                var start = b * options.BatchSize;
                var size = Math.Min(options.BatchSize, train.Count - start);
                var (input, labels) = Batch(train, order, start, size);
                network.ZeroGrad();
                var interceptor = hooks?.BeginBatch(order.AsSpan(start, size), step);
                var logits = network.Forward(input, hooks?.Mode ?? ForwardMode.Training, interceptor);
                var grad = logits.ZerosLike();
                var loss = SoftmaxCrossEntropy.Loss(logits, labels, grad);
                if (!float.IsFinite(loss))
                {
                    throw new TrainingDivergedException(epoch + 1, step + 1, loss, null);
                }

                network.Backward(grad, hooks?.NoBackward);
                hooks?.EndBatch();
                optimizer.Step(Rate(options, step, totalSteps, epoch));
                step++;
                lossSum += (double)loss * size;
                correct += Correct(logits, labels);
                seen += size;
                progress?.BatchDone(epoch + 1, b, batches, lossSum / seen, (double)correct / seen, seen / watch.Elapsed.TotalSeconds);
            }

            // A last step can make weights infinite with a finite loss: checked once an epoch, before they are used.
            if (trained.FirstOrDefault(p => !AllFinite(p.Value)) is { } broken)
            {
                throw new TrainingDivergedException(epoch + 1, step, lossSum / Math.Max(1, seen), broken.Name);
            }

            var trainSeconds = watch.Elapsed.TotalSeconds;
            double? testAccuracy = test is null ? null : Accuracy(network, test);
            var result = new EpochResult(epoch + 1, lossSum / Math.Max(1, seen), (double)correct / Math.Max(1, seen), testAccuracy, seen / Math.Max(trainSeconds, 1e-9), watch.Elapsed);
            results.Add(result);
            progress?.EpochDone(result);
        }

        return results;
    }

    /// <summary>Fraction of <paramref name="data"/> whose arg-max logit (first on ties) is the label, inference mode.</summary>
    public static double Accuracy(FunctionalNetwork network, Dataset data, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        CheckShape(network, data);
        if (data.Count == 0)
        {
            return 0;
        }

        long correct = 0;
        var order = Enumerable.Range(0, data.Count).ToArray();
        for (var start = 0; start < data.Count; start += batchSize)
        {
            var size = Math.Min(batchSize, data.Count - start);
            var (input, labels) = Batch(data, order, start, size);
            correct += Correct(network.Forward(input, ForwardMode.Inference), labels);
        }

        return (double)correct / data.Count;
    }

    private static double Rate(TrainingOptions options, long step, long totalSteps, int epoch) => options.Schedule switch
    {
        LearningRateSchedule.Constant => options.LearningRate,
        LearningRateSchedule.Cosine => options.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * step / totalSteps)),
        LearningRateSchedule.Step => options.LearningRate * (epoch >= options.Epochs * 3 / 4 ? 0.01 : epoch >= options.Epochs / 2 ? 0.1 : 1.0),
        _ => throw new NotSupportedException($"schedule {options.Schedule}"),
    };

    private static void Shuffle(Random random, int[] order)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private static (Tensor Input, int[] Labels) Batch(Dataset data, int[] order, int start, int size)
    {
        var input = new Tensor(size, data.Channels, data.Height, data.Width);
        var labels = new int[size];
        for (var i = 0; i < size; i++)
        {
            var sample = order[start + i];
            data.Image(sample).CopyTo(input.Sample(i));
            labels[i] = data.Labels[sample];
        }

        return (input, labels);
    }

    private static int Correct(Tensor logits, int[] labels)
    {
        var classes = logits.SampleSize;
        var correct = 0;
        for (var s = 0; s < logits.N; s++)
        {
            var row = logits.Data.AsSpan(s * classes, classes);
            var best = 0;
            for (var j = 1; j < classes; j++)
            {
                if (row[j] > row[best])
                {
                    best = j;
                }
            }

            correct += best == labels[s] ? 1 : 0;
        }

        return correct;
    }

    private static void CheckShape(FunctionalNetwork network, Dataset data)
    {
        var shape = network.Workload.InputShape;
        if (data.Channels != shape.Channels || data.Height != shape.Height || data.Width != shape.Width)
        {
            throw new ArgumentException($"dataset '{data.Name}' has {data.Channels}x{data.Height}x{data.Width} samples; workload '{network.Workload.Name}' takes {shape}");
        }
    }

    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
