using HybridSim.Functional.Tensors;

namespace HybridSim.Functional.Layers;

/// <summary>
/// Direct loops for a depthwise conv (one filter per channel): an im2col GEMM with one output row per group spends
/// more time packing than multiplying. Sums run over (ky, kx) in order, the same whatever the thread count.
/// </summary>
internal static class DepthwiseConv
{
    /// <summary>y[c] = w[c] ⋆ x[c] for one sample (no bias, no activation).</summary>
    public static void Forward(in Im2Col g, ReadOnlySpan<float> weights, ReadOnlySpan<float> x, Span<float> y)
    {
        int oh = g.OutHeight, ow = g.OutWidth, kh = g.KernelHeight, kw = g.KernelWidth;
        for (var c = 0; c < g.Channels; c++)
        {
            var plane = x.Slice(c * g.Height * g.Width, g.Height * g.Width);
            var w = weights.Slice(c * kh * kw, kh * kw);
            var dst = y.Slice(c * oh * ow, oh * ow);
            dst.Clear();
            for (var ky = 0; ky < kh; ky++)
            {
                for (var kx = 0; kx < kw; kx++)
                {
                    var wv = w[ky * kw + kx];
                    for (var oy = 0; oy < oh; oy++)
                    {
                        var iy = oy * g.Stride - g.Padding + ky;
                        if ((uint)iy >= (uint)g.Height)
                        {
                            continue;
                        }

                        var src = plane.Slice(iy * g.Width, g.Width);
                        var row = dst.Slice(oy * ow, ow);
                        for (var ox = 0; ox < ow; ox++)
                        {
                            var ix = ox * g.Stride - g.Padding + kx;
                            if ((uint)ix < (uint)g.Width)
                            {
                                row[ox] += wv * src[ix];
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>gradWeights += dW and (when wanted) gradInput += dx for one sample.</summary>
    public static void Backward(in Im2Col g, ReadOnlySpan<float> weights, ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> gradWeights, Span<float> gradInput, bool wantInput)
    {
        int oh = g.OutHeight, ow = g.OutWidth, kh = g.KernelHeight, kw = g.KernelWidth;
        for (var c = 0; c < g.Channels; c++)
        {
            var plane = x.Slice(c * g.Height * g.Width, g.Height * g.Width);
            var grad = dy.Slice(c * oh * ow, oh * ow);
            for (var ky = 0; ky < kh; ky++)
            {
                for (var kx = 0; kx < kw; kx++)
                {
                    var wv = weights[(c * kh + ky) * kw + kx];
                    var sum = 0f;
                    for (var oy = 0; oy < oh; oy++)
                    {
                        var iy = oy * g.Stride - g.Padding + ky;
                        if ((uint)iy >= (uint)g.Height)
                        {
                            continue;
                        }

                        var src = plane.Slice(iy * g.Width, g.Width);
                        var row = grad.Slice(oy * ow, ow);
                        var dx = wantInput ? gradInput.Slice(c * g.Height * g.Width + iy * g.Width, g.Width) : default;
                        for (var ox = 0; ox < ow; ox++)
                        {
                            var ix = ox * g.Stride - g.Padding + kx;
                            if ((uint)ix < (uint)g.Width)
                            {
                                sum += row[ox] * src[ix];
                                if (wantInput)
                                {
                                    dx[ix] += wv * row[ox];
                                }
                            }
                        }
                    }

                    gradWeights[(c * kh + ky) * kw + kx] += sum;
                }
            }
        }
    }
}
