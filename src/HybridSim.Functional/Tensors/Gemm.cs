using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HybridSim.Functional.Tensors;

/// <summary>
/// Single-precision matrix product C[m×n] (+)= op(A)[m×k] · op(B)[k×n], all row-major. op(B) is packed into panels
/// of <see cref="PanelWidth"/> columns; a register-blocked kernel computes 4 rows × one panel at a time with SIMD
/// fused multiply-adds. Every element of C is the sum over p = 0..k-1 in order, accumulated in one SIMD lane from
/// zero, then stored or added to C: the same instruction sequence whatever the blocking or thread count, so results
/// are bitwise deterministic.
/// </summary>
public static class Gemm
{
    private const int RowBlock = 4;

    /// <summary>Rows per parallel chunk (a multiple of <see cref="RowBlock"/>).</summary>
    private const int RowChunk = 32;

    /// <summary>Below this many multiply-adds a product runs on the calling thread.</summary>
    private const long ParallelThreshold = 1L << 20;

    private static readonly int VectorWidth = Vector<float>.Count;

    /// <summary>Columns of one packed B panel: two SIMD vectors.</summary>
    private static readonly int PanelWidth = 2 * Vector<float>.Count;

    /// <summary>C (+)= op(A) · op(B): op(A) is m×k (A stored k×m when <paramref name="transposeA"/>), op(B) is k×n
    /// (B stored n×k when <paramref name="transposeB"/>); <paramref name="accumulate"/> adds to C instead of
    /// overwriting it. Large products are split across cores by fixed row chunks.</summary>
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

        var panels = (n + PanelWidth - 1) / PanelWidth;
        var packed = Scratch.Get(Scratch.GemmPack, panels * PanelWidth * k);
        PackB(b, transposeB, packed, n, k);

        // A(i, p) = a[i·rowStride + p·colStride].
        var rowStride = transposeA ? 1 : k;
        var colStride = transposeA ? m : 1;
        var chunks = Parallelism.ChunkCount(m, RowChunk);
        if (!parallel || chunks == 1 || (long)m * n * k < ParallelThreshold)
        {
            Rows(a, rowStride, colStride, packed, c, 0, m, n, k, accumulate);
            return;
        }

        unsafe
        {
            // Spans cannot cross into the lambda; the arrays behind them stay pinned while the loop runs.
            fixed (float* pa = a)
            fixed (float* pc = c)
            {
                var ap = (nint)pa;
                var cp = (nint)pc;
                var aLength = a.Length;
                var cLength = c.Length;
                Parallelism.For(chunks, chunk =>
                {
                    var (start, length) = Parallelism.Chunk(m, RowChunk, chunk);
                    var aSpan = new ReadOnlySpan<float>((float*)ap, aLength);
                    var cSpan = new Span<float>((float*)cp, cLength);
                    Rows(aSpan, rowStride, colStride, packed, cSpan, start, length, n, k, accumulate);
                });
            }
        }
    }

    private static void PackB(ReadOnlySpan<float> b, bool transposeB, float[] packed, int n, int k)
    {
        var width = PanelWidth;
        var panels = (n + width - 1) / width;
        for (var panel = 0; panel < panels; panel++)
        {
            var j0 = panel * width;
            var cols = Math.Min(width, n - j0);
            var dst = packed.AsSpan(panel * width * k, width * k);
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

    private static void Rows(ReadOnlySpan<float> a, int rowStride, int colStride, float[] packed, Span<float> c, int rowStart, int rowCount, int n, int k, bool accumulate)
    {
        var width = PanelWidth;
        var panels = (n + width - 1) / width;
        Span<float> tail = stackalloc float[2 * VectorWidth];
        for (var panel = 0; panel < panels; panel++)
        {
            var j0 = panel * width;
            var cols = Math.Min(width, n - j0);
            ref var pb = ref packed[panel * width * k];
            var i = rowStart;
            var end = rowStart + rowCount;
            for (; i + RowBlock <= end; i += RowBlock)
            {
                Kernel4(ref MemoryMarshal.GetReference(a), i * rowStride, rowStride, colStride, ref pb, k, c, i, j0, cols, n, accumulate, tail);
            }

            for (; i < end; i++)
            {
                Kernel1(ref MemoryMarshal.GetReference(a), i * rowStride, colStride, ref pb, k, c, i, j0, cols, n, accumulate, tail);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Fma(Vector<float> x, Vector<float> y, Vector<float> acc) => Vector.FusedMultiplyAdd(x, y, acc);

    private static void Kernel4(ref float a, int aOffset, int rowStride, int colStride, ref float pb, int k, Span<float> c, int i, int j0, int cols, int n, bool accumulate, Span<float> tail)
    {
        var vw = VectorWidth;
        var width = 2 * vw;
        Vector<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector<float> c20 = default, c21 = default, c30 = default, c31 = default;
        nint ia = aOffset;
        nint rs = rowStride;
        nint cs = colStride;
        for (var p = 0; p < k; p++)
        {
            var b0 = Vector.LoadUnsafe(ref pb, (nuint)(p * width));
            var b1 = Vector.LoadUnsafe(ref pb, (nuint)(p * width + vw));
            var a0 = new Vector<float>(Unsafe.Add(ref a, ia));
            var a1 = new Vector<float>(Unsafe.Add(ref a, ia + rs));
            var a2 = new Vector<float>(Unsafe.Add(ref a, ia + 2 * rs));
            var a3 = new Vector<float>(Unsafe.Add(ref a, ia + 3 * rs));
            c00 = Fma(a0, b0, c00);
            c01 = Fma(a0, b1, c01);
            c10 = Fma(a1, b0, c10);
            c11 = Fma(a1, b1, c11);
            c20 = Fma(a2, b0, c20);
            c21 = Fma(a2, b1, c21);
            c30 = Fma(a3, b0, c30);
            c31 = Fma(a3, b1, c31);
            ia += cs;
        }

        Store(c, i * n + j0, cols, c00, c01, accumulate, tail);
        Store(c, (i + 1) * n + j0, cols, c10, c11, accumulate, tail);
        Store(c, (i + 2) * n + j0, cols, c20, c21, accumulate, tail);
        Store(c, (i + 3) * n + j0, cols, c30, c31, accumulate, tail);
    }

    private static void Kernel1(ref float a, int aOffset, int colStride, ref float pb, int k, Span<float> c, int i, int j0, int cols, int n, bool accumulate, Span<float> tail)
    {
        var vw = VectorWidth;
        var width = 2 * vw;
        Vector<float> c00 = default, c01 = default;
        nint ia = aOffset;
        nint cs = colStride;
        for (var p = 0; p < k; p++)
        {
            var b0 = Vector.LoadUnsafe(ref pb, (nuint)(p * width));
            var b1 = Vector.LoadUnsafe(ref pb, (nuint)(p * width + vw));
            var a0 = new Vector<float>(Unsafe.Add(ref a, ia));
            c00 = Fma(a0, b0, c00);
            c01 = Fma(a0, b1, c01);
            ia += cs;
        }

        Store(c, i * n + j0, cols, c00, c01, accumulate, tail);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<float> c, int offset, int cols, Vector<float> v0, Vector<float> v1, bool accumulate, Span<float> tail)
    {
        var vw = VectorWidth;
        if (cols == 2 * vw)
        {
            var dst = c.Slice(offset, 2 * vw);
            if (accumulate)
            {
                v0 += new Vector<float>(dst);
                v1 += new Vector<float>(dst[vw..]);
            }

            v0.CopyTo(dst);
            v1.CopyTo(dst[vw..]);
            return;
        }

        // Partial panel: the padded lanes were computed from zeros and are dropped.
        v0.CopyTo(tail);
        v1.CopyTo(tail[vw..]);
        var target = c.Slice(offset, cols);
        for (var j = 0; j < cols; j++)
        {
            target[j] = accumulate ? target[j] + tail[j] : tail[j];
        }
    }
}
