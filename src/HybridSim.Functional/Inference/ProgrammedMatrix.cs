namespace HybridSim.Functional.Inference;

/// <summary>
/// A <see cref="QuantizedMatrix"/> as one chip holds it. The exact path reads the cells (per column block and row
/// block: rows × slices·columns conductances in cell levels); the fast path reads the effective weights they make
/// (Σ_s 2^(sP)·G_s minus the digital correction) with an ideal ADC, except on row blocks of few rows, which it reads
/// through their <see cref="ConversionTable"/>. A digital matrix holds w_q exactly.
/// </summary>
public sealed class ProgrammedMatrix
{
    private ProgrammedMatrix(QuantizedMatrix matrix, double[][] effective, float[][][]? cells, double[] outputNoiseSigma, ConversionTable?[][]? tables)
    {
        Matrix = matrix;
        Effective = effective;
        Cells = cells;
        OutputNoiseSigma = outputNoiseSigma;
        Tables = tables;
    }

    public QuantizedMatrix Matrix { get; }

    /// <summary>Per column block: effective weights, stacked rows × columns, in units of s_w.</summary>
    internal double[][] Effective { get; }

    /// <summary>Per column block, per row block: cell conductances, row-major rows × (slice·columns + column); null unless programmed for the exact path.</summary>
    internal float[][][]? Cells { get; }

    /// <summary>Per column block: the standard deviation the fast path adds to each output (read noise summed over the conversions).</summary>
    internal double[] OutputNoiseSigma { get; }

    /// <summary>Per column block, per row block: the fast path's conversion table where the block has few enough rows
    /// (<see cref="ConversionTable.Fits"/>), else null; null when programmed for the exact path or ideal.</summary>
    internal ConversionTable?[][]? Tables { get; }

    /// <summary>The matrix exactly as quantized: what an ideal device and a digital tile compute.</summary>
    public static ProgrammedMatrix Ideal(QuantizedMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return new ProgrammedMatrix(matrix, [.. matrix.Quantized.Select(q => q.Select(w => (double)w).ToArray())], null, new double[matrix.Quantized.Length], null);
    }

    /// <summary>Programs the cells of an analog matrix on the chip <paramref name="chipSeed"/>; digital matrices are exact.</summary>
    public static ProgrammedMatrix Program(QuantizedMatrix matrix, ulong chipSeed, bool withCells)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Analog is not { } a)
        {
            return Ideal(matrix);
        }

        var tiling = matrix.Tiling;
        var slices = a.Slices;
        var effective = new double[tiling.ColumnBlocks.Length][];
        var cells = withCells ? new float[tiling.ColumnBlocks.Length][][] : null;
        var noise = new double[tiling.ColumnBlocks.Length];
        var tables = withCells ? null : new ConversionTable?[tiling.ColumnBlocks.Length][];
        var steps = InputStep.For(a.InputBits, a.DacBits, matrix.SignedInput);
        var stepPower = steps.Sum(s => s.Weight * s.Weight);
        var slicePower = Enumerable.Range(0, slices).Sum(s => Math.ScaleB(1.0, 2 * s * a.BitsPerCell));
        for (var b = 0; b < tiling.ColumnBlocks.Length; b++)
        {
            var block = tiling.ColumnBlocks[b];
            var cols = block.OutCount;
            var quantized = matrix.Quantized[b];
            var eff = new double[quantized.Length];
            if (cells is not null)
            {
                cells[b] = new float[block.RowBlocks.Length][];
            }

            if (tables is not null)
            {
                tables[b] = new ConversionTable?[block.RowBlocks.Length];
            }

            var stackedRow = 0;
            for (var r = 0; r < block.RowBlocks.Length; r++)
            {
                var rows = matrix.Rows[b][r].Count;
                var tabulated = tables is not null && ConversionTable.Fits(a, rows);
                var blockCells = cells is not null || tabulated ? new float[rows * slices * cols] : null;
                for (var i = 0; i < rows; i++)
                {
                    for (var j = 0; j < cols; j++)
                    {
                        var u = quantized[((stackedRow + i) * cols) + j] + (1L << (a.WeightBits - 1));
                        var sum = 0.0;
                        for (var s = 0; s < slices; s++)
                        {
                            var digit = (int)((u >> (s * a.BitsPerCell)) & a.MaxLevel);
                            var key = CounterRandom.Key(chipSeed, matrix.Id, ((long)b << 20) | (long)r, i, ((long)s << 20) | (long)j);
                            var g = CellProgramming.Program(a, digit, i, j, key);
                            sum += Math.ScaleB((double)g, s * a.BitsPerCell);
                            if (blockCells is not null)
                            {
                                blockCells[(i * slices * cols) + (s * cols) + j] = g;
                            }
                        }

                        eff[((stackedRow + i) * cols) + j] = sum - a.Correction;
                    }
                }

                if (cells is not null)
                {
                    cells[b]![r] = blockCells!;
                }

                if (tabulated)
                {
                    tables![b]![r] = ConversionTable.Build(a, blockCells!, rows, cols);
                }

                stackedRow += rows;
            }

            effective[b] = eff;
            noise[b] = a.Device.ReadNoiseSigma * Math.Sqrt(block.RowBlocks.Length * slicePower * stepPower);
        }

        return new ProgrammedMatrix(matrix, effective, cells, noise, tables);
    }
}
