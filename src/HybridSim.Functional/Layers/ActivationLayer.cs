using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Layers;

/// <summary>A stand-alone element-wise activation (relu, relu6, sigmoid, tanh).</summary>
internal sealed class ActivationLayer : Layer
{
    public ActivationLayer(LayerSpec spec)
        : base(spec)
    {
    }

    public override Tensor Forward(IReadOnlyList<Tensor> inputs, ForwardMode mode)
    {
        var x = inputs[0];
        var output = Output(x.N);
        Parallelism.For(x.N, s =>
        {
            var y = output.Sample(s);
            x.Sample(s).CopyTo(y);
            Activations.Apply(Spec.Activation, y);
        });
        return output;
    }

    public override void Backward(IReadOnlyList<Tensor> inputs, Tensor output, Tensor gradOutput, IReadOnlyList<Tensor?> gradInputs, ForwardMode mode)
    {
        var gradInput = gradInputs[0];
        if (gradInput is null)
        {
            return;
        }

        Parallelism.For(output.N, s => Activations.Backward(Spec.Activation, output.Sample(s), gradOutput.Sample(s), gradInput.Sample(s), true));
    }
}
