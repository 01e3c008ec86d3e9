namespace HybridSim.Functional.Network;

/// <summary>Limits every model the accuracy half reads shares (workloads, weights files, imported ONNX models).</summary>
public static class ModelLimits
{
    /// <summary>Most parameters one network may have: 100 million (400 MB as float32; resnet18-imagenet has 11.7 million).</summary>
    public const long MaxParameters = 100_000_000;

    /// <summary>
    /// Largest magnitude a weight, bias or batch-norm statistic may have: 1e6. Trained networks stay far below it, and
    /// past it float32 sums of a layer's products overflow to infinity (3e38 weights give NaN logits).
    /// </summary>
    public const float MaxMagnitude = 1e6f;

    /// <summary>The index of the first value that is not finite or is larger than <see cref="MaxMagnitude"/>, or -1.</summary>
    public static int FirstOutOfRange(ReadOnlySpan<float> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!(Math.Abs(values[i]) <= MaxMagnitude))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The message for a value <see cref="FirstOutOfRange"/> found.</summary>
    public static string OutOfRangeMessage(string tensor, int index, float value) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"tensor '{HybridSim.Specs.Validation.Excerpt.Of(tensor)}' holds {value} at index {index}; expected finite values of magnitude at most {MaxMagnitude}");
}
