using System.Collections.Immutable;

namespace HybridSim.Compiler.Mapping;

/// <summary>How a weight matrix is cut into MVMU-sized blocks.</summary>
/// <param name="Rows">Matrix rows (inputs per output).</param>
/// <param name="Cols">Matrix columns (outputs).</param>
/// <param name="MvmuRows">Rows of one (logical) MVMU.</param>
/// <param name="MvmuCols">Columns of one (logical) MVMU.</param>
public sealed record MatrixTiling(int Rows, int Cols, int MvmuRows, int MvmuCols, ImmutableArray<ColumnBlock> ColumnBlocks)
{
    public int Mvmus => ColumnBlocks.Sum(c => c.RowBlocks.Length);

    public long WeightsHeld => ColumnBlocks.Sum(c => c.RowBlocks.Sum(r => r.WeightsHeld));

    /// <summary>Weights held / weight cells of the MVMUs used.</summary>
    public double Utilization => Mvmus == 0 ? 0 : (double)WeightsHeld / ((double)Mvmus * MvmuRows * MvmuCols);
}
