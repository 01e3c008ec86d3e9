namespace HybridSim.Functional.Tensors;

/// <summary>
/// The im2col lowering of a convolution for one sample: column matrix rows are (c, ky, kx) in PyTorch weight order,
/// columns are output positions (oy, ox); out-of-image taps are zero.
/// </summary>
internal readonly record struct Im2Col(int Channels, int Height, int Width, int KernelHeight, int KernelWidth, int Stride, int Padding)
{
    public int OutHeight => (Height + 2 * Padding - KernelHeight) / Stride + 1;

    public int OutWidth => (Width + 2 * Padding - KernelWidth) / Stride + 1;

    public int Rows => Channels * KernelHeight * KernelWidth;

    public int Positions => OutHeight * OutWidth;

    /// <summary>A 1×1 stride-1 unpadded conv reads its input as the column matrix directly.</summary>
    public bool IsIdentity => KernelHeight == 1 && KernelWidth == 1 && Stride == 1 && Padding == 0;

    public void Lower(ReadOnlySpan<float> image, Span<float> columns)
    {
        int oh = OutHeight, ow = OutWidth, positions = oh * ow;
        for (var c = 0; c < Channels; c++)
        {
            var plane = image.Slice(c * Height * Width, Height * Width);
            for (var ky = 0; ky < KernelHeight; ky++)
            {
                for (var kx = 0; kx < KernelWidth; kx++)
                {
                    var row = columns.Slice(((c * KernelHeight + ky) * KernelWidth + kx) * positions, positions);
                    for (var oy = 0; oy < oh; oy++)
                    {
                        var y = oy * Stride - Padding + ky;
                        var dst = row.Slice(oy * ow, ow);
                        if ((uint)y >= (uint)Height)
                        {
                            dst.Clear();
                            continue;
                        }

                        var src = plane.Slice(y * Width, Width);
                        var x0 = kx - Padding;
                        if (Stride == 1 && x0 >= 0 && x0 + ow <= Width)
                        {
                            src.Slice(x0, ow).CopyTo(dst);
                            continue;
                        }

                        for (var ox = 0; ox < ow; ox++)
                        {
                            var x = ox * Stride + x0;
                            dst[ox] = (uint)x < (uint)Width ? src[x] : 0f;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Adds a column-matrix gradient back onto the image gradient (the adjoint of <see cref="Lower"/>).</summary>
    public void Raise(ReadOnlySpan<float> columns, Span<float> image)
    {
        int oh = OutHeight, ow = OutWidth, positions = oh * ow;
        for (var c = 0; c < Channels; c++)
        {
            var plane = image.Slice(c * Height * Width, Height * Width);
            for (var ky = 0; ky < KernelHeight; ky++)
            {
                for (var kx = 0; kx < KernelWidth; kx++)
                {
                    var row = columns.Slice(((c * KernelHeight + ky) * KernelWidth + kx) * positions, positions);
                    for (var oy = 0; oy < oh; oy++)
                    {
                        var y = oy * Stride - Padding + ky;
                        if ((uint)y >= (uint)Height)
                        {
                            continue;
                        }

                        var src = row.Slice(oy * ow, ow);
                        var dst = plane.Slice(y * Width, Width);
                        var x0 = kx - Padding;
                        for (var ox = 0; ox < ow; ox++)
                        {
                            var x = ox * Stride + x0;
                            if ((uint)x < (uint)Width)
                            {
                                dst[x] += src[ox];
                            }
                        }
                    }
                }
            }
        }
    }
}
