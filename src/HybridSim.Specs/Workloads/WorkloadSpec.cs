using System.Collections.Immutable;

namespace HybridSim.Specs.Workloads;

/// <summary>A validated DNN: its input shape and layers in execution (topological) order with shapes inferred.</summary>
public sealed record WorkloadSpec(
    string Name,
    string SourceFile,
    TensorShape InputShape,
    ImmutableArray<LayerSpec> Layers)
{
    /// <summary>Weight layers (conv and fc, projections included) in execution order.</summary>
    public IEnumerable<LayerSpec> WeightLayers => Layers.Where(l => l.HasWeights);

    /// <summary>Number of freeze-x positions: main-path weight layers (projections excluded).</summary>
    public int WeightLayerCount => Layers.Count(l => l.HasWeights && !l.IsProjection);

    public long ParameterCount => Layers.Sum(l => l.ParameterCount);

    /// <summary>The optional <c>dataset:</c> block (padding and per-channel normalization of input images); null when absent.</summary>
    public DatasetSpec? Dataset { get; init; }

    public LayerSpec Layer(string name) => Layers.First(l => l.Name == name);
}
