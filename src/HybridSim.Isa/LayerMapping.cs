using System.Collections.Immutable;
using HybridSim.Specs.Architecture;

namespace HybridSim.Isa;

/// <summary>
/// How one weight matrix was mapped: a layer's main weights W, or (for LoBranch) its A or B branch matrix.
/// </summary>
/// <param name="LayerIndex">Index into <c>WorkloadSpec.Layers</c>.</param>
/// <param name="Name">Layer name, with <c>.A</c> / <c>.B</c> for branch matrices.</param>
/// <param name="Placement">Analog (RRAM) or digital (SRAM).</param>
/// <param name="Rows">Matrix rows (inputs).</param>
/// <param name="Cols">Matrix columns (outputs).</param>
/// <param name="Mvmus">Logical MVMUs used.</param>
/// <param name="Mvms">MVM operations (one MVMU × one input vector) per inference.</param>
/// <param name="Utilization">Weights held / weight cells of the MVMUs used (with dense SRAM-CIM packing: of the macros used).</param>
/// <param name="Tiles">Tile ids holding it.</param>
public sealed record LayerMapping(
    int LayerIndex,
    string Name,
    TileKind Placement,
    int Rows,
    int Cols,
    int Mvmus,
    long Mvms,
    double Utilization,
    ImmutableArray<int> Tiles)
{
    /// <summary>Dense SRAM-CIM packing: the macros the matrix's blocks fill on its cores (several blocks share a macro);
    /// null when every MVMU is its own macro (then it is <see cref="Mvmus"/>).</summary>
    public int? SramMacros { get; init; }
}
