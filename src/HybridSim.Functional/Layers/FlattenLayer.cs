using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Layers;

/// <summary>C × H × W to a (C·H·W) × 1 × 1 vector in (c, y, x) order, PyTorch's: a view of the input, no copy.</summary>
internal sealed class FlattenLayer : Layer
{
    public FlattenLayer(LayerSpec spec)
        : base(spec)
    {
    }

    public override Tensor Forward(IReadOnlyList<Tensor> inputs, ForwardMode mode)
    {
        var x = inputs[0];
        return x.Reshape(x.N, x.SampleSize, 1, 1);
    }

    public override void Backward(IReadOnlyList<Tensor> inputs, Tensor output, Tensor gradOutput, IReadOnlyList<Tensor?> gradInputs, ForwardMode mode)
    {
        var gradInput = gradInputs[0];
        if (gradInput is null)
        {
            return;
        }

        var dx = gradInput.Data;
        var dy = gradOutput.Data;
        for (var i = 0; i < dx.Length; i++)
        {
            dx[i] += dy[i];
        }
    }
}
