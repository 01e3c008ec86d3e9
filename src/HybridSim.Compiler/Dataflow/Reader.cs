using HybridSim.Compiler.Mapping;

namespace HybridSim.Compiler.Dataflow;

/// <summary>
/// One stream of loads over a tensor: for each output position (row-major over OutHeight × OutWidth) it reads, for every
/// segment, channels [Channel, Channel + Length) of the input pixel at (y·Stride − Padding + Ky, x·Stride − Padding + Kx).
/// Consumer counters come from here, so they match the loads by construction.
/// </summary>
internal sealed class Reader(int outHeight, int outWidth, int stride, int padding, InputSegment[] segments)
{
    public int OutHeight { get; } = outHeight;

    public int OutWidth { get; } = outWidth;

    public int Stride { get; } = stride;

    public int Padding { get; } = padding;

    public InputSegment[] Segments { get; } = segments;

    public int MinChannel => Segments.Min(s => s.Channel);

    public int EndChannel => Segments.Max(s => s.Channel + s.Length);

    /// <summary>Pixels between the oldest and the newest input pixel it needs at one time, plus what one step moves on.</summary>
    public int Span(int width)
    {
        var ky = Segments.Max(s => s.Ky);
        var kx = Segments.Max(s => s.Kx);
        return (ky * width) + kx + 1 + (Stride > 1 ? Stride * width : 1);
    }

    /// <summary>Adds how many times each channel of input pixel (py, px) is loaded.</summary>
    public void AddReads(int py, int px, Span<int> counts)
    {
        foreach (var s in Segments)
        {
            var qy = py + Padding - s.Ky;
            var qx = px + Padding - s.Kx;
            if (qy < 0 || qx < 0 || qy % Stride != 0 || qx % Stride != 0)
            {
                continue;
            }

            qy /= Stride;
            qx /= Stride;
            if (qy >= OutHeight || qx >= OutWidth)
            {
                continue;
            }

            var span = counts.Slice(s.Channel, s.Length);
            for (var i = 0; i < span.Length; i++)
            {
                span[i]++;
            }
        }
    }
}
