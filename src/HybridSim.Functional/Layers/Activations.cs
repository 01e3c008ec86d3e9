using System.Numerics.Tensors;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Layers;

/// <summary>Element-wise activations, in place, with derivatives taken from the output (so no pre-activation is kept).</summary>
internal static class Activations
{
    public static void Apply(ActivationKind kind, Span<float> values)
    {
        switch (kind)
        {
            case ActivationKind.None:
                break;
            case ActivationKind.Relu:
                TensorPrimitives.Max(values, 0f, values);
                break;
            case ActivationKind.Relu6:
                TensorPrimitives.Max(values, 0f, values);
                TensorPrimitives.Min(values, 6f, values);
                break;
            case ActivationKind.Sigmoid:
                TensorPrimitives.Sigmoid(values, values);
                break;
            case ActivationKind.Tanh:
                TensorPrimitives.Tanh(values, values);
                break;
            default:
                throw new NotSupportedException($"activation {kind}");
        }
    }

    /// <summary>gradInput (+)= gradOutput · f'(x), with f' written in terms of y = f(x).</summary>
    public static void Backward(ActivationKind kind, ReadOnlySpan<float> output, ReadOnlySpan<float> gradOutput, Span<float> gradInput, bool accumulate)
    {
        var n = output.Length;
        switch (kind)
        {
            case ActivationKind.None:
                for (var i = 0; i < n; i++)
                {
                    Put(gradInput, i, gradOutput[i], accumulate);
                }

                break;
            case ActivationKind.Relu:
                for (var i = 0; i < n; i++)
                {
                    Put(gradInput, i, output[i] > 0f ? gradOutput[i] : 0f, accumulate);
                }

                break;
            case ActivationKind.Relu6:
                for (var i = 0; i < n; i++)
                {
                    var y = output[i];
                    Put(gradInput, i, y > 0f && y < 6f ? gradOutput[i] : 0f, accumulate);
                }

                break;
            case ActivationKind.Sigmoid:
                for (var i = 0; i < n; i++)
                {
                    var y = output[i];
                    Put(gradInput, i, gradOutput[i] * y * (1f - y), accumulate);
                }

                break;
            case ActivationKind.Tanh:
                for (var i = 0; i < n; i++)
                {
                    var y = output[i];
                    Put(gradInput, i, gradOutput[i] * (1f - y * y), accumulate);
                }

                break;
            default:
                throw new NotSupportedException($"activation {kind}");
        }
    }

    private static void Put(Span<float> target, int i, float value, bool accumulate) =>
        target[i] = accumulate ? target[i] + value : value;
}
