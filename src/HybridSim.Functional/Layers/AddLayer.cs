using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Layers;

/// <summary>
/// Element-wise sum of two or more inputs. With <see cref="LayerSpec.PadShortcut"/> the inputs after the first are
/// "option A" shortcuts: subsampled by the integer ratio s of their height to the output's (rows and columns
/// 0, s, 2s, ...) and zero-padded in channels, placed by <see cref="LayerSpec.ShortcutPadding"/>: <c>end</c> puts
/// the shortcut's channels first (output channels 0..Cin-1), <c>symmetric</c> at (Cout − Cin)/2 as PyTorch's
/// <c>F.pad(x[:, :, ::2, ::2], (0, 0, 0, 0, p, p))</c> does (docs/model.md, "Option-A shortcuts").
/// </summary>
internal sealed class AddLayer : Layer
{
    public AddLayer(LayerSpec spec)
        : base(spec)
    {
    }

    public override Tensor Forward(IReadOnlyList<Tensor> inputs, ForwardMode mode)
    {
        var first = inputs[0];
        var output = Output(first.N);
        Parallelism.For(first.N, s =>
        {
            var y = output.Sample(s);
            first.Sample(s).CopyTo(y);
            for (var i = 1; i < inputs.Count; i++)
            {
                var x = inputs[i];
                if (x.SameShape(output))
                {
                    var src = x.Sample(s);
                    for (var j = 0; j < y.Length; j++)
                    {
                        y[j] += src[j];
                    }
                }
                else
                {
                    Shortcut(x, output, FirstChannel(x, output), forward: true, x.Sample(s), y);
                }
            }
        });
        return output;
    }

    public override void Backward(IReadOnlyList<Tensor> inputs, Tensor output, Tensor gradOutput, IReadOnlyList<Tensor?> gradInputs, ForwardMode mode)
    {
        // One input at a time: an input listed twice shares its gradient buffer, so inputs must not run concurrently.
        for (var i = 0; i < inputs.Count; i++)
        {
            var gradInput = gradInputs[i];
            if (gradInput is null)
            {
                continue;
            }

            var x = inputs[i];
            Parallelism.For(x.N, s =>
            {
                var dy = gradOutput.Sample(s);
                var dx = gradInput.Sample(s);
                if (x.SameShape(output))
                {
                    for (var j = 0; j < dx.Length; j++)
                    {
                        dx[j] += dy[j];
                    }
                }
                else
                {
                    Shortcut(x, output, FirstChannel(x, output), forward: false, dx, dy);
                }
            });
        }
    }

    /// <summary>The output channel a shortcut's channel 0 lands on.</summary>
    private int FirstChannel(Tensor x, Tensor output) =>
        Spec.ShortcutPadding == ShortcutPadding.Symmetric ? (output.C - x.C) / 2 : 0;

    /// <summary>Forward: y[first + c, oy, ox] += x[c, oy·s, ox·s] for c below x's channels. Backward: the adjoint,
    /// dx += dy there.</summary>
    private static void Shortcut(Tensor x, Tensor output, int first, bool forward, Span<float> xs, Span<float> ys)
    {
        var ratio = x.H / output.H;
        var channels = Math.Min(x.C, output.C - first);
        for (var c = 0; c < channels; c++)
        {
            for (var oy = 0; oy < output.H; oy++)
            {
                for (var ox = 0; ox < output.W; ox++)
                {
                    var xi = (c * x.H + oy * ratio) * x.W + ox * ratio;
                    var yi = ((first + c) * output.H + oy) * output.W + ox;
                    if (forward)
                    {
                        ys[yi] += xs[xi];
                    }
                    else
                    {
                        xs[xi] += ys[yi];
                    }
                }
            }
        }
    }
}
