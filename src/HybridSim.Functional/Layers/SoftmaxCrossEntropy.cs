using HybridSim.Functional.Tensors;

namespace HybridSim.Functional.Layers;

/// <summary>Softmax followed by the negative log-likelihood of the labels, averaged over the batch.</summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>Mean cross-entropy of N × classes logits; when <paramref name="gradOut"/> is given (same shape) it
    /// receives d(mean loss)/d(logits) = (softmax − one-hot) / N. Stable: the row maximum is subtracted first.</summary>
    public static float Loss(Tensor logits, ReadOnlySpan<int> labels, Tensor? gradOut)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var n = logits.N;
        var classes = logits.SampleSize;
        if (labels.Length != n)
        {
            throw new ArgumentException($"{labels.Length} labels for a batch of {n}");
        }

        if (gradOut is not null && gradOut.Length != logits.Length)
        {
            throw new ArgumentException($"gradient {gradOut} does not match logits {logits}");
        }

        double total = 0;
        for (var s = 0; s < n; s++)
        {
            var row = logits.Data.AsSpan(s * classes, classes);
            var label = labels[s];
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"label {label} of sample {s} is outside 0..{classes - 1}");
            }

            var max = float.NegativeInfinity;
            foreach (var v in row)
            {
                max = Math.Max(max, v);
            }

            double sum = 0;
            foreach (var v in row)
            {
                sum += Math.Exp(v - max);
            }

            var logSum = Math.Log(sum);
            total += logSum - (row[label] - max);
            if (gradOut is not null)
            {
                var grad = gradOut.Data.AsSpan(s * classes, classes);
                for (var j = 0; j < classes; j++)
                {
                    var p = Math.Exp(row[j] - max - logSum);
                    grad[j] = (float)((p - (j == label ? 1.0 : 0.0)) / n);
                }
            }
        }

        return (float)(total / n);
    }
}
