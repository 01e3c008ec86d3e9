using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HybridSim.Functional.Tensors;

/// <summary>The register tile of <see cref="Gemm"/> for this machine: 8 rows × 32 columns with 512-bit vectors (32
/// vector registers), else 6 rows × 16 columns with 256-bit ones (16 registers). The tile changes which elements a
/// kernel call computes together, never the arithmetic of one element.</summary>
internal sealed record GemmTile(bool Wide, int Rows, int Columns)
{
    /// <summary>Floats of the largest tile: the buffer a partial tile is written through.</summary>
    internal const int MaxElements = 8 * 32;

    internal static GemmTile Current { get; } = Vector512.IsHardwareAccelerated ? new(true, 8, 32) : new(false, 6, 16);
}

/// <summary>Where one kernel call writes: <see cref="Rows"/> × <see cref="Columns"/> valid elements of C starting at
/// <see cref="Row"/>(0), rows <see cref="Stride"/> apart.</summary>
internal ref struct GemmTarget
{
    private readonly ref float _origin;

    internal GemmTarget(ref float origin, int stride, int rows, int columns, bool accumulate)
    {
        _origin = ref origin;
        Stride = stride;
        Rows = rows;
        Columns = columns;
        Accumulate = accumulate;
    }

    internal int Stride { get; }

    internal int Rows { get; }

    internal int Columns { get; }

    internal bool Accumulate { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly ref float Row(int row) => ref Unsafe.Add(ref _origin, (nint)row * Stride);

    /// <summary>A partial tile, given as full tile rows <paramref name="tileColumns"/> apart: the padded rows and
    /// lanes were computed from zeros and are dropped.</summary>
    internal readonly void StorePartial(ReadOnlySpan<float> tile, int tileColumns)
    {
        for (var r = 0; r < Rows; r++)
        {
            ref var dst = ref Row(r);
            var values = tile.Slice(r * tileColumns, Columns);
            for (var j = 0; j < Columns; j++)
            {
                ref var target = ref Unsafe.Add(ref dst, j);
                target = Accumulate ? target + values[j] : values[j];
            }
        }
    }
}
