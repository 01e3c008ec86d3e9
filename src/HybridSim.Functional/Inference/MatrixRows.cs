using HybridSim.Compiler.Mapping;

namespace HybridSim.Functional.Inference;

/// <summary>
/// Where each row of one MVMU's block reads its input: channel and kernel offset, listed by the row's position in
/// the MVMU (the compiler's <see cref="InputSegment"/> offsets), so the functional model feeds the crossbar rows
/// exactly as the compiled program does.
/// </summary>
public sealed class MatrixRows
{
    private MatrixRows(int[] channel, int[] ky, int[] kx)
    {
        Channel = channel;
        Ky = ky;
        Kx = kx;
    }

    public int[] Channel { get; }

    public int[] Ky { get; }

    public int[] Kx { get; }

    public int Count => Channel.Length;

    public static MatrixRows Of(RowBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return Of(block.Segments, block.Rows);
    }

    /// <summary>The rows of several blocks stacked (the fast path sums a column block's row blocks in one pass).</summary>
    public static MatrixRows Stack(IReadOnlyList<MatrixRows> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new MatrixRows([.. parts.SelectMany(p => p.Channel)], [.. parts.SelectMany(p => p.Ky)], [.. parts.SelectMany(p => p.Kx)]);
    }

    private static MatrixRows Of(IEnumerable<InputSegment> segments, int rows)
    {
        var channel = new int[rows];
        var ky = new int[rows];
        var kx = new int[rows];
        foreach (var s in segments)
        {
            for (var t = 0; t < s.Length; t++)
            {
                channel[s.Offset + t] = s.Channel + t;
                ky[s.Offset + t] = s.Ky;
                kx[s.Offset + t] = s.Kx;
            }
        }

        return new MatrixRows(channel, ky, kx);
    }
}
