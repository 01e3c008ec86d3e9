using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Layers;

/// <summary>
/// Max or average pooling with kernel, stride and zero padding. Max ignores padded taps and routes the gradient to
/// the first maximum in scan order (found again in backward); average divides by the full kernel area, padding
/// included (PyTorch's default count_include_pad).
/// </summary>
internal sealed class PoolLayer : Layer
{
    private readonly bool _max;
    private readonly int _kh;
    private readonly int _kw;
    private readonly int _stride;
    private readonly int _padding;

    public PoolLayer(LayerSpec spec)
        : base(spec)
    {
        _max = spec.Kind == LayerKind.MaxPool;
        _kh = spec.KernelHeight;
        _kw = spec.KernelWidth;
        _stride = spec.Stride;
        _padding = spec.Padding;
    }

    public override Tensor Forward(IReadOnlyList<Tensor> inputs, ForwardMode mode)
    {
        var x = inputs[0];
        var output = Output(x.N);
        int h = x.H, w = x.W, oh = output.H, ow = output.W;
        var area = 1f / (_kh * _kw);
        Parallelism.For(x.N, s =>
        {
            for (var c = 0; c < x.C; c++)
            {
                var src = x.Data.AsSpan((s * x.C + c) * h * w, h * w);
                var dst = output.Data.AsSpan((s * x.C + c) * oh * ow, oh * ow);
                for (var oy = 0; oy < oh; oy++)
                {
                    for (var ox = 0; ox < ow; ox++)
                    {
                        if (_max)
                        {
                            dst[oy * ow + ox] = src[ArgMax(src, h, w, oy, ox)];
                            continue;
                        }

                        var sum = 0f;
                        for (var ky = 0; ky < _kh; ky++)
                        {
                            var y = oy * _stride - _padding + ky;
                            if ((uint)y >= (uint)h)
                            {
                                continue;
                            }

                            for (var kx = 0; kx < _kw; kx++)
                            {
                                var xx = ox * _stride - _padding + kx;
                                if ((uint)xx < (uint)w)
                                {
                                    sum += src[y * w + xx];
                                }
                            }
                        }

                        dst[oy * ow + ox] = sum * area;
                    }
                }
            }
        });
        return output;
    }

    public override void Backward(IReadOnlyList<Tensor> inputs, Tensor output, Tensor gradOutput, IReadOnlyList<Tensor?> gradInputs, ForwardMode mode)
    {
        var x = inputs[0];
        var gradInput = gradInputs[0];
        if (gradInput is null)
        {
            return;
        }

        int h = x.H, w = x.W, oh = output.H, ow = output.W;
        var area = 1f / (_kh * _kw);
        Parallelism.For(x.N, s =>
        {
            for (var c = 0; c < x.C; c++)
            {
                var src = x.Data.AsSpan((s * x.C + c) * h * w, h * w);
                var dx = gradInput.Data.AsSpan((s * x.C + c) * h * w, h * w);
                var dy = gradOutput.Data.AsSpan((s * x.C + c) * oh * ow, oh * ow);
                for (var oy = 0; oy < oh; oy++)
                {
                    for (var ox = 0; ox < ow; ox++)
                    {
                        var g = dy[oy * ow + ox];
                        if (_max)
                        {
                            dx[ArgMax(src, h, w, oy, ox)] += g;
                            continue;
                        }

                        for (var ky = 0; ky < _kh; ky++)
                        {
                            var y = oy * _stride - _padding + ky;
                            if ((uint)y >= (uint)h)
                            {
                                continue;
                            }

                            for (var kx = 0; kx < _kw; kx++)
                            {
                                var xx = ox * _stride - _padding + kx;
                                if ((uint)xx < (uint)w)
                                {
                                    dx[y * w + xx] += g * area;
                                }
                            }
                        }
                    }
                }
            }
        });
    }

    /// <summary>Index in the plane of the window's first largest value (padding never wins: it holds no value).</summary>
    private int ArgMax(ReadOnlySpan<float> plane, int h, int w, int oy, int ox)
    {
        var best = -1;
        var bestValue = float.NegativeInfinity;
        for (var ky = 0; ky < _kh; ky++)
        {
            var y = oy * _stride - _padding + ky;
            if ((uint)y >= (uint)h)
            {
                continue;
            }

            for (var kx = 0; kx < _kw; kx++)
            {
                var xx = ox * _stride - _padding + kx;
                if ((uint)xx < (uint)w && (best < 0 || plane[y * w + xx] > bestValue))
                {
                    best = y * w + xx;
                    bestValue = plane[best];
                }
            }
        }

        return best;
    }
}
