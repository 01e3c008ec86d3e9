using HybridSim.Specs.Architecture;

namespace HybridSim.Isa;

/// <summary>
/// One block of a weight matrix as placed: the rows × columns of matrix <paramref name="Matrix"/> that MVMU
/// <paramref name="Mvmu"/> of core <paramref name="Core"/> of tile <paramref name="Tile"/> holds. What programming the
/// weights writes (<c>run --program</c>).
/// </summary>
/// <param name="LayerIndex">Index into <c>WorkloadSpec.Layers</c>.</param>
/// <param name="Matrix">The mapping's name: the layer's, with <c>.A</c> / <c>.B</c> for LoBranch branch matrices.</param>
/// <param name="Rows">MVMU rows the block occupies (matrix rows it holds).</param>
/// <param name="Cols">MVMU columns the block occupies (outputs it computes).</param>
/// <param name="Weights">Weights stored (rows × columns, or fewer when groups are packed block-diagonally).</param>
public sealed record WeightBlock(int Tile, int Core, int Mvmu, int LayerIndex, string Matrix, TileKind Placement, int Rows, int Cols, long Weights);
