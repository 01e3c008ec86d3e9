using HybridSim.Compiler.Mapping;
using HybridSim.Isa;

namespace HybridSim.Compiler.Dataflow;

/// <summary>The placed operations and tensors of a workload, before programs are emitted.</summary>
internal sealed class DataflowGraph
{
    public List<Operation> Operations { get; } = [];

    public List<Tensor> Tensors { get; } = [];

    /// <summary>Kind of every tile, by tile id (ids in order of first use, so consecutive layers sit side by side).</summary>
    public List<Specs.Architecture.TileKind> TileKinds { get; } = [];

    public List<LayerMapping> Mappings { get; } = [];

    public Tensor Input { get; set; } = null!;

    public Tensor Output { get; set; } = null!;
}
