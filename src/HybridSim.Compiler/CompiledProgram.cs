using System.Collections.Immutable;
using HybridSim.Compiler.Isa;
using HybridSim.Compiler.Mapping;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler;

/// <summary>
/// The compiler's output: per-tile and per-core programs plus the mapping that produced them.
/// Tile t sits at router t / Noc.Concentration; routers are laid out row-major, MeshWidth routers per row;
/// tiles t / Noc.TilesPerNode share a node.
/// </summary>
/// <param name="Tiles">Every tile, indexed by tile id (Tiles[i].Tile == i).</param>
/// <param name="InputTile">Tile that holds the network input before the run.</param>
/// <param name="OutputTile">Tile that receives the network output.</param>
/// <param name="Mappings">One entry per mapped weight matrix, in layer order.</param>
public sealed record CompiledProgram(
    ArchitectureSpec Architecture,
    WorkloadSpec Workload,
    PartitionSpec Partition,
    ImmutableArray<TileProgram> Tiles,
    int MeshWidth,
    int InputTile,
    int OutputTile,
    ImmutableArray<LayerMapping> Mappings)
{
    /// <summary>Every weight block as placed on an MVMU, in operation order: what programming the weights writes.</summary>
    public ImmutableArray<WeightBlock> WeightBlocks { get; init; } = [];

    public int TileCount(TileKind kind) => Tiles.Count(t => t.Kind == kind);
}
