using HybridSim.Compiler.Mapping;
using HybridSim.Specs.Architecture;

namespace HybridSim.Compiler.Dataflow;

/// <summary>
/// An MVM layer: for every output pixel, each core loads its row blocks' window rows into its MVMU input buffers and
/// runs one mvm. A column block whose row blocks span several cores is summed along a chain: each core adds its
/// predecessor's partial sum to its own and passes it on; the last core (the reducer) adds the LoBranch addend, applies
/// bias and activation, and stores the output channels. A chain keeps one small partial-sum ring per core, where a
/// single reducer gathering from every core would need one ring per contributor in its tile.
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

    /// <summary>Per column block: index into Cores of the core that finishes it (the last of its chain).</summary>
    public int[] Reducers { get; set; } = [];

    /// <summary>Per column block: the cores (indices into Cores) holding its row blocks, in order.</summary>
    public List<int>[] Chains { get; set; } = [];

    /// <summary>The core before <paramref name="core"/> in the chain of a column block, or -1 when it is the first.</summary>
    public int Predecessor(int block, int core)
    {
        var i = Chains[block].IndexOf(core);
        return i > 0 ? Chains[block][i - 1] : -1;
    }

    /// <summary>Partial sums a core passes down a column block's chain, keyed by (column block, core index).</summary>
    public SortedDictionary<(int ColumnBlock, int Core), Tensor> Partials { get; } = [];
}
