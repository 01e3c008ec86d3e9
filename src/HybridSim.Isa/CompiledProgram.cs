using System.Collections.Immutable;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Isa;

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
    /// <summary>Weight layers whose LoBranch rank was clamped to min(in, out) (PartitionPlanner), in layer order.</summary>
    public ImmutableArray<string> ClampedLayers { get; init; } = [];

    public int TileCount(TileKind kind) => Tiles.Count(t => t.Kind == kind);

    /// <summary>
    /// SRAM-CIM macros the program places: with dense packing (digital MVMU <c>macros_per_core</c>) the macros its cores'
    /// blocks fill; otherwise every MVMU of every digital core (each MVMU is one macro). Null when the architecture has
    /// no digital tiles.
    /// </summary>
    public int? SramMacros => Architecture.DigitalTile is not { } digital ? null
        : digital.Core.Mvmu is DigitalMvmuSpec { MacrosPerCore: not null }
            ? Tiles.Where(t => t.Kind == TileKind.Digital).SelectMany(t => t.Cores).Sum(c => c.SramMacros ?? 0)
            : TileCount(TileKind.Digital) * digital.Cores * digital.Core.Mvmus;
}
