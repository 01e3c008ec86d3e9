using HybridSim.Functional.Tensors;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Network;

/// <summary>
/// Hooks into <see cref="FunctionalNetwork.Forward"/>: the fixed-point and analog models replace the outputs of
/// weight layers, calibration observes activations. A replaced output is back-propagated straight through: the
/// layer's own backward runs as if it had produced that output.
/// </summary>
public interface ILayerInterceptor
{
    /// <summary>Called before layer <paramref name="index"/> runs; a non-null result replaces its output (the layer's own
    /// forward is skipped). The tensor must be N × the layer's output shape.</summary>
    Tensor? Intercept(LayerSpec layer, int index, IReadOnlyList<Tensor> inputs);

    /// <summary>Called after every layer with its inputs and its (possibly intercepted) output.</summary>
    void Observe(LayerSpec layer, int index, IReadOnlyList<Tensor> inputs, Tensor output);
}
