namespace HybridSim.Functional.Tensors;

/// <summary>Packing of <see cref="Gemm"/>'s operands into the order its kernels read them.</summary>
internal static class GemmPacking
{
    /// <summary>op(A) (m×k) into row blocks of <paramref name="rows"/> rows: block b holds, for p = 0..k-1, the
    /// values A(b·rows + r, p) for r = 0..rows-1, zero past row m.</summary>
    internal static void PackA(ReadOnlySpan<float> a, bool transposeA, float[] packed, int m, int k, int rows)
    {
        var blocks = (m + rows - 1) / rows;
        for (var block = 0; block < blocks; block++)
        {
            var i0 = block * rows;
            var valid = Math.Min(rows, m - i0);
            var dst = packed.AsSpan(block * rows * k, rows * k);
            if (valid < rows)
            {
                dst.Clear();
            }

            if (transposeA)
            {
                // A stored k×m: the block's values at p are contiguous.
                for (var p = 0; p < k; p++)
                {
                    a.Slice(p * m + i0, valid).CopyTo(dst.Slice(p * rows, valid));
                }
            }
            else
            {
                for (var r = 0; r < valid; r++)
                {
                    var src = a.Slice((i0 + r) * k, k);
                    for (var p = 0; p < k; p++)
                    {
                        dst[p * rows + r] = src[p];
                    }
                }
            }
        }
    }

    /// <summary>op(B) (k×n) from panel <paramref name="firstPanel"/> on into panels of <paramref name="width"/>
    /// columns: packed panel q holds, for p = 0..k-1, the values B(p, (firstPanel + q)·width + j) for j = 0..width-1,
    /// zero past column n.</summary>
    internal static void PackB(ReadOnlySpan<float> b, bool transposeB, float[] packed, int n, int k, int width, int firstPanel)
    {
        var panels = (n + width - 1) / width;
        for (var panel = firstPanel; panel < panels; panel++)
        {
            var j0 = panel * width;
            var cols = Math.Min(width, n - j0);
            var dst = packed.AsSpan((panel - firstPanel) * width * k, width * k);
            if (!transposeB)
            {
                for (var p = 0; p < k; p++)
                {
                    var row = dst.Slice(p * width, width);
                    b.Slice(p * n + j0, cols).CopyTo(row);
                    row[cols..].Clear();
                }
            }
            else
            {
                if (cols < width)
                {
                    dst.Clear();
                }

                for (var jj = 0; jj < cols; jj++)
                {
                    var src = b.Slice((j0 + jj) * k, k);
                    for (var p = 0; p < k; p++)
                    {
                        dst[p * width + jj] = src[p];
                    }
                }
            }
        }
    }
}
