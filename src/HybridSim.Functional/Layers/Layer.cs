using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Layers;

/// <summary>
/// One executable layer. Backward never relies on state saved by Forward other than the inputs and the output, so
/// an intercepted (replaced) output back-propagates straight through.
/// </summary>
internal abstract class Layer
{
    private Tensor? _output;

    protected Layer(LayerSpec spec)
    {
        Spec = spec;
    }

    public LayerSpec Spec { get; }

    public virtual IReadOnlyList<Parameter> Parameters => [];

    /// <summary>Computes the output for a batch; the returned tensor is the layer's own buffer, valid until the next call.</summary>
    public abstract Tensor Forward(IReadOnlyList<Tensor> inputs, ForwardMode mode);

    /// <summary>Adds the gradients with respect to the inputs into <paramref name="gradInputs"/> (null: not wanted) and
    /// accumulates parameter gradients.</summary>
    public abstract void Backward(IReadOnlyList<Tensor> inputs, Tensor output, Tensor gradOutput, IReadOnlyList<Tensor?> gradInputs, ForwardMode mode);

    /// <summary>The output buffer for a batch of <paramref name="n"/>, reused while the batch size stays the same.</summary>
    protected Tensor Output(int n)
    {
        var shape = Spec.OutputShape;
        if (_output is null || _output.N != n)
        {
            _output = new Tensor(n, shape.Channels, shape.Height, shape.Width);
        }

        return _output;
    }
}
