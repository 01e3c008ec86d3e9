using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Layers;

/// <summary>Mean over each channel's H × W plane: N × C × 1 × 1.</summary>
internal sealed class GlobalAvgPoolLayer : Layer
{
    public GlobalAvgPoolLayer(LayerSpec spec)
        : base(spec)
    {
    }

    public override Tensor Forward(IReadOnlyList<Tensor> inputs, ForwardMode mode)
    {
        var x = inputs[0];
        var output = Output(x.N);
        var plane = x.H * x.W;
        for (var i = 0; i < x.N * x.C; i++)
        {
            var src = x.Data.AsSpan(i * plane, plane);
            var sum = 0f;
            for (var j = 0; j < plane; j++)
            {
                sum += src[j];
            }

            output.Data[i] = sum / plane;
        }

        return output;
    }

    public override void Backward(IReadOnlyList<Tensor> inputs, Tensor output, Tensor gradOutput, IReadOnlyList<Tensor?> gradInputs, ForwardMode mode)
    {
        var gradInput = gradInputs[0];
        if (gradInput is null)
        {
            return;
        }

        var x = inputs[0];
        var plane = x.H * x.W;
        for (var i = 0; i < x.N * x.C; i++)
        {
            var g = gradOutput.Data[i] / plane;
            var dx = gradInput.Data.AsSpan(i * plane, plane);
            for (var j = 0; j < plane; j++)
            {
                dx[j] += g;
            }
        }
    }
}
