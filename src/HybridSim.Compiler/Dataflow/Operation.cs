using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Dataflow;

/// <summary>Work the cores do for one workload layer: a matrix (W, or a LoBranch A or B) or a vector operation.</summary>
internal abstract class Operation(int layerIndex, string name, TileKind kind, Tensor output)
{
    public int LayerIndex { get; } = layerIndex;

    public string Name { get; } = name;

    public TileKind Kind { get; } = kind;

    public Tensor Output { get; } = output;

    /// <summary>Activation applied before the result is stored (fused from a following activation layer).</summary>
    public ActivationKind Activation { get; set; }

    public List<CoreSlot> Cores { get; } = [];
}
