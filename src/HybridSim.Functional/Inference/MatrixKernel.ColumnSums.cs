using System.Numerics.Tensors;
using HybridSim.Functional.Tensors;

namespace HybridSim.Functional.Inference;

/// <summary>The exact path's column sums of one input step: row by row for any DAC width, or as a GEMM when every digit
/// is 0 or 1.</summary>
internal static partial class MatrixKernel
{
    /// <summary>Whether <see cref="Exact"/> computes 1-bit DAC steps' column sums as a GEMM (the default); tests
    /// turn it off to compare against the row-by-row sums bit for bit.</summary>
    internal static bool UseGemmForBinaryDigits { get; set; } = true;

    /// <summary>
    /// One input step's column values for a chunk of positions, row by row: v += cell·digit for each driven row, in
    /// row order (any DAC width). Returns whether any row was driven; <paramref name="driven"/> says per position.
    /// </summary>
    private static bool ColumnSumsByRows(long[] pattern, int maxRows, int rowCount, int count, int shift, int digitMask, bool[] driven, float[] cells, int width, Span<float> values)
    {
        values.Clear();
        var anyDriven = false;
        for (var k = 0; k < count; k++)
        {
            var v = values.Slice(k * width, width);
            driven[k] = false;
            for (var i = 0; i < rowCount; i++)
            {
                var digit = (int)((pattern[(k * maxRows) + i] >> shift) & digitMask);
                if (digit != 0)
                {
                    TensorPrimitives.MultiplyAdd(cells.AsSpan(i * width, width), digit, v, v);
                    driven[k] = true;
                }
            }

            anyDriven |= driven[k];
        }

        return anyDriven;
    }

    /// <summary>
    /// The same column values when every digit is 0 or 1 (1-bit DACs), as one product of the positions' digit planes
    /// with the cells: each value is the in-order chain fma(digit, cell, v) from zero, which for digits 0 and 1 is
    /// bit for bit the row-by-row v + cell·digit (adding cell·1 rounds once either way; a 0 digit adds an exact zero).
    /// </summary>
    private static bool ColumnSumsByGemm(long[] pattern, int maxRows, int rowCount, int count, int shift, int digitMask, float[] digits, bool[] driven, float[] cells, int width, Span<float> values)
    {
        var anyDriven = false;
        for (var k = 0; k < count; k++)
        {
            var plane = digits.AsSpan(k * rowCount, rowCount);
            var any = 0;
            for (var i = 0; i < rowCount; i++)
            {
                var digit = (int)((pattern[(k * maxRows) + i] >> shift) & digitMask);
                plane[i] = digit;
                any |= digit;
            }

            driven[k] = any != 0;
            anyDriven |= driven[k];
        }

        if (anyDriven)
        {
            Gemm.Multiply(digits, false, cells, false, values, count, width, rowCount, false, parallel: false);
        }
        else
        {
            values.Clear();
        }

        return anyDriven;
    }
}
