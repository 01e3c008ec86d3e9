using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HybridSim.Functional.Tensors;

/// <summary>
/// The register-blocked inner kernels of <see cref="Gemm"/>: one row block of packed A (k steps of
/// <see cref="GemmTile.Rows"/> values) times one B panel (k steps of two vectors, <c>bStride</c> apart). Each
/// accumulator lane is one element of C, advanced by one fused multiply-add per p in order. Written out by hand, one
/// accumulator per variable and no call while they are live, so that the JIT keeps them all in registers.
/// </summary>
internal static class GemmKernels
{
    /// <summary>8 rows × 32 columns with Vector512&lt;float&gt;: 16 accumulators.</summary>
    internal static void Kernel512(ref float pa, ref float pb, nint bStride, int k, ref GemmTarget target, scoped Span<float> tail)
    {
        Vector512<float> c00 = default, c01 = default;
        Vector512<float> c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default;
        Vector512<float> c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default;
        Vector512<float> c70 = default, c71 = default;
        ref var a = ref pa;
        ref var b = ref pb;
        for (var p = 0; p < k; p++)
        {
            var b0 = Vector512.LoadUnsafe(ref b);
            var b1 = Vector512.LoadUnsafe(ref b, 16);
            var a0 = Vector512.Create(Unsafe.Add(ref a, 0));
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector512.Create(Unsafe.Add(ref a, 1));
            c10 = Vector512.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector512.Create(Unsafe.Add(ref a, 2));
            c20 = Vector512.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector512.Create(Unsafe.Add(ref a, 3));
            c30 = Vector512.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector512.Create(Unsafe.Add(ref a, 4));
            c40 = Vector512.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector512.Create(Unsafe.Add(ref a, 5));
            c50 = Vector512.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(a5, b1, c51);
            var a6 = Vector512.Create(Unsafe.Add(ref a, 6));
            c60 = Vector512.FusedMultiplyAdd(a6, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(a6, b1, c61);
            var a7 = Vector512.Create(Unsafe.Add(ref a, 7));
            c70 = Vector512.FusedMultiplyAdd(a7, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(a7, b1, c71);
            a = ref Unsafe.Add(ref a, 8);
            b = ref Unsafe.Add(ref b, bStride);
        }

        if (target.Rows == 8 && target.Columns == 32)
        {
            if (target.Accumulate)
            {
                c00 += Vector512.LoadUnsafe(ref target.Row(0));
                c01 += Vector512.LoadUnsafe(ref target.Row(0), 16);
                c10 += Vector512.LoadUnsafe(ref target.Row(1));
                c11 += Vector512.LoadUnsafe(ref target.Row(1), 16);
                c20 += Vector512.LoadUnsafe(ref target.Row(2));
                c21 += Vector512.LoadUnsafe(ref target.Row(2), 16);
                c30 += Vector512.LoadUnsafe(ref target.Row(3));
                c31 += Vector512.LoadUnsafe(ref target.Row(3), 16);
                c40 += Vector512.LoadUnsafe(ref target.Row(4));
                c41 += Vector512.LoadUnsafe(ref target.Row(4), 16);
                c50 += Vector512.LoadUnsafe(ref target.Row(5));
                c51 += Vector512.LoadUnsafe(ref target.Row(5), 16);
                c60 += Vector512.LoadUnsafe(ref target.Row(6));
                c61 += Vector512.LoadUnsafe(ref target.Row(6), 16);
                c70 += Vector512.LoadUnsafe(ref target.Row(7));
                c71 += Vector512.LoadUnsafe(ref target.Row(7), 16);
            }

            c00.StoreUnsafe(ref target.Row(0));
            c01.StoreUnsafe(ref target.Row(0), 16);
            c10.StoreUnsafe(ref target.Row(1));
            c11.StoreUnsafe(ref target.Row(1), 16);
            c20.StoreUnsafe(ref target.Row(2));
            c21.StoreUnsafe(ref target.Row(2), 16);
            c30.StoreUnsafe(ref target.Row(3));
            c31.StoreUnsafe(ref target.Row(3), 16);
            c40.StoreUnsafe(ref target.Row(4));
            c41.StoreUnsafe(ref target.Row(4), 16);
            c50.StoreUnsafe(ref target.Row(5));
            c51.StoreUnsafe(ref target.Row(5), 16);
            c60.StoreUnsafe(ref target.Row(6));
            c61.StoreUnsafe(ref target.Row(6), 16);
            c70.StoreUnsafe(ref target.Row(7));
            c71.StoreUnsafe(ref target.Row(7), 16);
            return;
        }

        // A partial tile: every accumulator goes to the buffer before the (not inlined) copy, so none is live
        // across a call, which would make the JIT spill it inside the loop.
        ref var t = ref tail[0];
        c00.StoreUnsafe(ref t, 0);
        c01.StoreUnsafe(ref t, 16);
        c10.StoreUnsafe(ref t, 32);
        c11.StoreUnsafe(ref t, 48);
        c20.StoreUnsafe(ref t, 64);
        c21.StoreUnsafe(ref t, 80);
        c30.StoreUnsafe(ref t, 96);
        c31.StoreUnsafe(ref t, 112);
        c40.StoreUnsafe(ref t, 128);
        c41.StoreUnsafe(ref t, 144);
        c50.StoreUnsafe(ref t, 160);
        c51.StoreUnsafe(ref t, 176);
        c60.StoreUnsafe(ref t, 192);
        c61.StoreUnsafe(ref t, 208);
        c70.StoreUnsafe(ref t, 224);
        c71.StoreUnsafe(ref t, 240);
        target.StorePartial(tail, 32);
    }

    /// <summary>6 rows × 16 columns with Vector256&lt;float&gt;: 12 accumulators.</summary>
    internal static void Kernel256(ref float pa, ref float pb, nint bStride, int k, ref GemmTarget target, scoped Span<float> tail)
    {
        Vector256<float> c00 = default, c01 = default;
        Vector256<float> c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default;
        Vector256<float> c40 = default, c41 = default;
        Vector256<float> c50 = default, c51 = default;
        ref var a = ref pa;
        ref var b = ref pb;
        for (var p = 0; p < k; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref b);
            var b1 = Vector256.LoadUnsafe(ref b, 8);
            var a0 = Vector256.Create(Unsafe.Add(ref a, 0));
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector256.Create(Unsafe.Add(ref a, 1));
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector256.Create(Unsafe.Add(ref a, 2));
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector256.Create(Unsafe.Add(ref a, 3));
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector256.Create(Unsafe.Add(ref a, 4));
            c40 = Vector256.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector256.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector256.Create(Unsafe.Add(ref a, 5));
            c50 = Vector256.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector256.FusedMultiplyAdd(a5, b1, c51);
            a = ref Unsafe.Add(ref a, 6);
            b = ref Unsafe.Add(ref b, bStride);
        }

        if (target.Rows == 6 && target.Columns == 16)
        {
            if (target.Accumulate)
            {
                c00 += Vector256.LoadUnsafe(ref target.Row(0));
                c01 += Vector256.LoadUnsafe(ref target.Row(0), 8);
                c10 += Vector256.LoadUnsafe(ref target.Row(1));
                c11 += Vector256.LoadUnsafe(ref target.Row(1), 8);
                c20 += Vector256.LoadUnsafe(ref target.Row(2));
                c21 += Vector256.LoadUnsafe(ref target.Row(2), 8);
                c30 += Vector256.LoadUnsafe(ref target.Row(3));
                c31 += Vector256.LoadUnsafe(ref target.Row(3), 8);
                c40 += Vector256.LoadUnsafe(ref target.Row(4));
                c41 += Vector256.LoadUnsafe(ref target.Row(4), 8);
                c50 += Vector256.LoadUnsafe(ref target.Row(5));
                c51 += Vector256.LoadUnsafe(ref target.Row(5), 8);
            }

            c00.StoreUnsafe(ref target.Row(0));
            c01.StoreUnsafe(ref target.Row(0), 8);
            c10.StoreUnsafe(ref target.Row(1));
            c11.StoreUnsafe(ref target.Row(1), 8);
            c20.StoreUnsafe(ref target.Row(2));
            c21.StoreUnsafe(ref target.Row(2), 8);
            c30.StoreUnsafe(ref target.Row(3));
            c31.StoreUnsafe(ref target.Row(3), 8);
            c40.StoreUnsafe(ref target.Row(4));
            c41.StoreUnsafe(ref target.Row(4), 8);
            c50.StoreUnsafe(ref target.Row(5));
            c51.StoreUnsafe(ref target.Row(5), 8);
            return;
        }

        // A partial tile: every accumulator goes to the buffer before the (not inlined) copy, so none is live
        // across a call, which would make the JIT spill it inside the loop.
        ref var t = ref tail[0];
        c00.StoreUnsafe(ref t, 0);
        c01.StoreUnsafe(ref t, 8);
        c10.StoreUnsafe(ref t, 16);
        c11.StoreUnsafe(ref t, 24);
        c20.StoreUnsafe(ref t, 32);
        c21.StoreUnsafe(ref t, 40);
        c30.StoreUnsafe(ref t, 48);
        c31.StoreUnsafe(ref t, 56);
        c40.StoreUnsafe(ref t, 64);
        c41.StoreUnsafe(ref t, 72);
        c50.StoreUnsafe(ref t, 80);
        c51.StoreUnsafe(ref t, 88);
        target.StorePartial(tail, 16);
    }
}
