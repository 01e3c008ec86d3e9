namespace HybridSim.Functional.Inference;

/// <summary>
/// The fast path's stand-in for the ADC on a row block of few rows (docs/model.md, "The fast path"): every input
/// pattern such a block can see in one step (2^(D·R) of them for R rows and D-bit DACs) converted once, as the exact
/// path converts it, and shift-added over the slices. The fast path then looks a step's pattern up instead of
/// multiplying by effective weights: where a conversion reads one to a few cells, the ADC's rounding removes most of
/// the cells' analog error, and an ideal ADC would keep it all. Without read noise the table is the exact path.
/// </summary>
internal sealed class ConversionTable
{
    /// <summary>Largest D·R tabulated: 256 patterns per row block. Past it a conversion sums enough cells that the
    /// rounding matters less than their summed error, and the table would cost more than the exact path.</summary>
    public const int MaxPatternBits = 8;

    private ConversionTable(int rows, int digitBits, int cols, double[] levels)
    {
        Rows = rows;
        DigitBits = digitBits;
        Cols = cols;
        Levels = levels;
    }

    public int Rows { get; }

    /// <summary>Bits of each row's digit in a pattern index: the DAC's D.</summary>
    public int DigitBits { get; }

    public int Cols { get; }

    /// <summary>Per pattern (Σ_i digit_i · 2^(D·i)), per column: Σ_s 2^(sP) · ADC level of slice s, in levels.</summary>
    public double[] Levels { get; }

    public static bool Fits(AnalogArithmetic a, int rows) => rows * a.DacBits <= MaxPatternBits;

    /// <summary>Converts every pattern of one row block's cells (rows × slices·cols, as <see cref="ProgrammedMatrix.Cells"/>
    /// holds them) the way <see cref="MatrixKernel.Exact"/> does: the same float sums, in the same row order.</summary>
    public static ConversionTable Build(AnalogArithmetic a, float[] cells, int rows, int cols)
    {
        var slices = a.Slices;
        var width = slices * cols;
        var digitMask = (1 << a.DacBits) - 1;
        var patterns = 1 << (a.DacBits * rows);
        var levels = new double[patterns * cols];
        var v = new float[width];
        for (var p = 1; p < patterns; p++)
        {
            Array.Clear(v);
            for (var i = 0; i < rows; i++)
            {
                var digit = (p >> (i * a.DacBits)) & digitMask;
                if (digit != 0)
                {
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(cells.AsSpan(i * width, width), digit, v, v);
                }
            }

            a.ConvertToLevels(v);
            for (var j = 0; j < cols; j++)
            {
                double sum = 0;
                for (var s = 0; s < slices; s++)
                {
                    sum += v[(s * cols) + j] * Math.ScaleB(1.0, s * a.BitsPerCell);
                }

                levels[(p * cols) + j] = sum;
            }
        }

        return new ConversionTable(rows, a.DacBits, cols, levels);
    }
}
