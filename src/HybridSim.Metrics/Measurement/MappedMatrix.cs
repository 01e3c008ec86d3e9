using HybridSim.Specs.Architecture;

namespace HybridSim.Metrics.Measurement;

/// <summary>
/// One mapped weight matrix as the report needs it (the compiler's LayerMapping, without a dependency on the compiler):
/// a layer's W, or a LoBranch A or B matrix (Name ends in <c>.A</c> / <c>.B</c>).
/// </summary>
public sealed record MappedMatrix(int LayerIndex, string Name, TileKind Placement, int Rows, int Cols, int Mvmus, long Mvms)
{
    public bool IsBranch => Name.EndsWith(".A", StringComparison.Ordinal) || Name.EndsWith(".B", StringComparison.Ordinal);

    public long Weights => (long)Rows * Cols;
}
