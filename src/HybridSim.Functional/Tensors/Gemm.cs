using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HybridSim.Functional.Tensors;

/// <summary>
/// Single-precision matrix product C[m×n] (+)= op(A)[m×k] · op(B)[k×n], all row-major. op(A) is packed into row
/// blocks of <see cref="GemmTile.Rows"/> rows (zero-padded), op(B) into panels of two SIMD vectors of columns; a
/// register-blocked kernel computes one row block × one panel at a time with fused multiply-adds.
/// Every element of C is the fused multiply-add chain over p = 0..k-1 in order, started from zero in one SIMD lane,
/// then stored or added to C: the same arithmetic whatever the vector width, blocking or thread count, so results are
/// bitwise deterministic (and equal to the scalar chain <c>MathF.FusedMultiplyAdd</c> gives).
/// </summary>
public static class Gemm
{
    /// <summary>Below this many multiply-adds a product runs on the calling thread.</summary>
    private const long ParallelThreshold = 1L << 20;

    /// <summary>Multiply-adds per parallel work item, so that small-m products (a conv's out channels by its
    /// positions) still split across cores, by column panels.</summary>
    private const long WorkPerItem = 1L << 19;

    /// <summary>C (+)= op(A) · op(B): op(A) is m×k (A stored k×m when <paramref name="transposeA"/>), op(B) is k×n
    /// (B stored n×k when <paramref name="transposeB"/>); <paramref name="accumulate"/> adds to C instead of
    /// overwriting it. Large products are split across cores by fixed blocks of rows and column panels.</summary>
    public static void Multiply(ReadOnlySpan<float> a, bool transposeA, ReadOnlySpan<float> b, bool transposeB, Span<float> c, int m, int n, int k, bool accumulate) =>
        Multiply(a, transposeA, b, transposeB, c, m, n, k, accumulate, parallel: true);

    /// <summary>As the public overload; <paramref name="parallel"/> false keeps it on the calling thread (for callers
    /// that already run in parallel).</summary>
    internal static void Multiply(ReadOnlySpan<float> a, bool transposeA, ReadOnlySpan<float> b, bool transposeB, Span<float> c, int m, int n, int k, bool accumulate, bool parallel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (a.Length < (long)m * k || b.Length < (long)k * n || c.Length < (long)m * n)
        {
            throw new ArgumentException($"spans too short for a {m}x{k} by {k}x{n} product (a {a.Length}, b {b.Length}, c {c.Length})");
        }

        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0)
        {
            if (!accumulate)
            {
                c[..(m * n)].Clear();
            }

            return;
        }

        var tile = GemmTile.Current;
        var rowBlocks = (m + tile.Rows - 1) / tile.Rows;
        var panels = (n + tile.Columns - 1) / tile.Columns;
        var packedA = Scratch.Get(Scratch.GemmPackA, rowBlocks * tile.Rows * k);
        GemmPacking.PackA(a, transposeA, packedA, m, k, tile.Rows);

        // B stored k×n is read in place, panel rows n apart; only a partial last panel is copied (zero-padded).
        // B stored n×k is packed whole.
        var inPlace = !transposeB;
        var fullPanels = inPlace ? n / tile.Columns : 0;
        var packedB = Scratch.Get(Scratch.GemmPack, (panels - fullPanels) * tile.Columns * k);
        GemmPacking.PackB(b, transposeB, packedB, n, k, tile.Columns, fullPanels);

        unsafe
        {
            // Spans cannot cross into the parallel loop's lambda; the memory behind them stays pinned while it runs.
            fixed (float* pa = packedA)
            fixed (float* pbPacked = packedB)
            fixed (float* pb = b)
            fixed (float* pc = c)
            {
                var operands = new GemmOperands((nint)pa, (nint)pb, (nint)pbPacked, fullPanels, (nint)pc, m, n, k, accumulate);
                var work = (long)m * n * k;
                if (!parallel || work < ParallelThreshold)
                {
                    Blocks(tile, operands, 0, rowBlocks, 0, panels);
                    return;
                }

                // Work items depend only on the problem's shape: rows first, then column panels when m is small.
                var rowBlocksPerItem = (int)Math.Clamp(WorkPerItem / ((long)tile.Rows * n * k), 1, rowBlocks);
                var rowItems = (rowBlocks + rowBlocksPerItem - 1) / rowBlocksPerItem;
                var panelsPerItem = rowBlocksPerItem > 1 ? panels : (int)Math.Clamp(WorkPerItem / ((long)tile.Rows * tile.Columns * k), 1, panels);
                var panelItems = (panels + panelsPerItem - 1) / panelsPerItem;
                Parallelism.For(rowItems * panelItems, item =>
                {
                    var rowStart = item / panelItems * rowBlocksPerItem;
                    var panelStart = item % panelItems * panelsPerItem;
                    Blocks(
                        tile, operands,
                        rowStart, Math.Min(rowBlocksPerItem, rowBlocks - rowStart),
                        panelStart, Math.Min(panelsPerItem, panels - panelStart));
                });
            }
        }
    }

    /// <summary>Row blocks × panels of C; the row block's packed A stays in the first-level cache across panels.</summary>
    private static unsafe void Blocks(GemmTile tile, GemmOperands o, int rowBlockStart, int rowBlockCount, int panelStart, int panelCount)
    {
        Span<float> tail = stackalloc float[GemmTile.MaxElements];
        var k = o.K;
        for (var rb = rowBlockStart; rb < rowBlockStart + rowBlockCount; rb++)
        {
            var i0 = rb * tile.Rows;
            var rows = Math.Min(tile.Rows, o.M - i0);
            ref var pa = ref Unsafe.AsRef<float>((float*)o.PackedA + (nint)rb * tile.Rows * k);
            for (var panel = panelStart; panel < panelStart + panelCount; panel++)
            {
                var j0 = panel * tile.Columns;
                var cols = Math.Min(tile.Columns, o.N - j0);
                var inPlace = panel < o.InPlacePanels;
                var pb = inPlace ? (float*)o.B + j0 : (float*)o.PackedB + (nint)(panel - o.InPlacePanels) * tile.Columns * k;
                nint bStride = inPlace ? o.N : tile.Columns;
                var target = new GemmTarget(ref Unsafe.AsRef<float>((float*)o.C + (nint)i0 * o.N + j0), o.N, rows, cols, o.Accumulate);
                if (tile.Wide)
                {
                    GemmKernels.Kernel512(ref pa, ref Unsafe.AsRef<float>(pb), bStride, k, ref target, tail);
                }
                else
                {
                    GemmKernels.Kernel256(ref pa, ref Unsafe.AsRef<float>(pb), bStride, k, ref target, tail);
                }
            }
        }
    }

    /// <summary>The pinned operands of one product: packed A, B in place (its first <see cref="InPlacePanels"/>
    /// panels are read there), the packed rest of B, and C.</summary>
    private readonly record struct GemmOperands(nint PackedA, nint B, nint PackedB, int InPlacePanels, nint C, int M, int N, int K, bool Accumulate);
}
