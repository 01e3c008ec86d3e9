using HybridSim.Compiler.Mapping;
using HybridSim.Specs.Architecture;

namespace HybridSim.Compiler.Dataflow;

/// <summary>
/// An MVM layer: for every output pixel, each core loads its row blocks' window rows into its MVMU input buffers and
/// runs one mvm; the reducer core of each column block adds the partial sums (from its own MVMUs, from other cores'
/// partial tensors and from the LoBranch addend), applies bias and activation, and stores the output channels.
/// </summary>
internal sealed class MatrixOperation(int layerIndex, string name, TileKind kind, Tensor output, Tensor input, MatrixTiling tiling, int stride, int padding, bool bias)
    : Operation(layerIndex, name, kind, output)
{
    public Tensor Input { get; } = input;

    public MatrixTiling Tiling { get; } = tiling;

    public int Stride { get; } = stride;

    public int Padding { get; } = padding;

    public bool Bias { get; } = bias;

    /// <summary>LoBranch: B·(A·x), added to W·x at the reducers.</summary>
    public Tensor? Addend { get; set; }

    /// <summary>Per column block: index into Cores of the core that reduces it.</summary>
    public int[] Reducers { get; set; } = [];

    /// <summary>Partial sums a core sends to a column block's reducer, keyed by (column block, core index).</summary>
    public SortedDictionary<(int ColumnBlock, int Core), Tensor> Partials { get; } = [];
}
