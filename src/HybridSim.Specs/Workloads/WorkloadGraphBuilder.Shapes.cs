using System.Collections.Immutable;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Workloads;

/// <summary>Shape inference: each layer's output shape from its inputs, with the checks each layer kind needs.</summary>
internal static partial class WorkloadGraphBuilder
{
    private static LayerSpec? Infer(
        LayerDraft layer, List<LayerInputRef> refs, Dictionary<string, TensorShape> shapes, SpecErrorList errors)
    {
        if (layer.Broken)
        {
            return null; // a field could not be read; that error is reported and a shape would be a guess
        }

        var inShapes = new List<TensorShape>(refs.Count);
        foreach (var r in refs)
        {
            if (!shapes.TryGetValue(r.Name, out var shape))
            {
                return null; // the producer failed; its error is already reported
            }

            inShapes.Add(shape);
        }

        var kind = layer.Kind!.Value;
        var input = inShapes[0];
        var from = $"'{refs[0].Name}' ({input})";
        TensorShape? output = kind switch
        {
            LayerKind.Conv => InferConv(layer, input, from, errors),
            LayerKind.Fc => InferFc(layer, input, from, errors),
            LayerKind.MaxPool or LayerKind.AvgPool => InferWindow(layer, input, from, input.Channels, errors),
            LayerKind.GlobalAvgPool => input with { Height = 1, Width = 1 },
            LayerKind.BatchNorm or LayerKind.Activation => input,
            LayerKind.Add => InferAdd(layer, refs, inShapes, errors),
            LayerKind.Flatten => InferFlatten(layer, input, from, errors),
            _ => throw new InvalidOperationException($"unhandled layer kind {kind}"),
        };
        if (output is null)
        {
            return null;
        }

        var isConv = kind == LayerKind.Conv;
        var isWindow = kind is LayerKind.Conv or LayerKind.MaxPool or LayerKind.AvgPool;
        var stride = layer.Stride ?? (isConv ? 1 : layer.KernelHeight ?? 0);
        return new LayerSpec(
            layer.Name!,
            kind,
            refs.Select(r => r.Name).ToImmutableArray(),
            OutChannels: layer.OutChannels ?? 0,
            KernelHeight: isWindow ? layer.KernelHeight ?? 0 : 0,
            KernelWidth: isWindow ? layer.KernelWidth ?? 0 : 0,
            Stride: isWindow ? stride : 0,
            Padding: isWindow ? layer.Padding ?? 0 : 0,
            Groups: isConv ? layer.Groups ?? 1 : 0,
            Bias: layer.Bias ?? kind == LayerKind.Fc,
            Activation: layer.Activation ?? ActivationKind.None,
            Rank: layer.Rank,
            InputShape: input,
            OutputShape: output,
            WeightLayerIndex: 0,
            IsProjection: false,
            Location: layer.Location)
        {
            InputShapes = [.. inShapes],
            ShortcutPadding = layer.PadShortcut,
            ShortcutOf = layer.ShortcutOf,
        };
    }

    private static TensorShape? InferConv(LayerDraft layer, TensorShape input, string from, SpecErrorList errors)
    {
        var groups = layer.Groups ?? 1;
        var outChannels = layer.OutChannels ?? 0;
        var ok = true;
        if (input.Channels % groups != 0)
        {
            errors.Add(layer.Error("groups", $"groups = {groups} does not divide the {input.Channels} input channels of {from}"));
            ok = false;
        }

        if (outChannels % groups != 0)
        {
            errors.Add(layer.Error("groups", $"groups = {groups} does not divide out_channels = {outChannels}"));
            ok = false;
        }

        var rows = (long)(layer.KernelHeight ?? 1) * (layer.KernelWidth ?? 1) * (input.Channels / groups);
        if (rows > int.MaxValue)
        {
            errors.Add(layer.Error("kernel", $"the weight matrix would have {rows} rows (kernel height x width x input channels / groups), more than {int.MaxValue}"));
            ok = false;
        }

        var window = InferWindow(layer, input, from, outChannels, errors);
        return ok ? window : null;
    }

    /// <summary>Output of a sliding window (conv or pooling): floor((H + 2·padding − kernel) / stride) + 1 per axis.</summary>
    private static TensorShape? InferWindow(LayerDraft layer, TensorShape input, string from, int channels, SpecErrorList errors)
    {
        var kh = layer.KernelHeight ?? 1;
        var kw = layer.KernelWidth ?? 1;
        var padding = layer.Padding ?? 0;
        var stride = layer.Stride ?? (layer.Kind == LayerKind.Conv ? 1 : kh);
        var ok = true;
        if (layer.Kind != LayerKind.Conv && 2 * padding > Math.Min(kh, kw))
        {
            errors.Add(layer.Error("padding", $"padding = {padding} is more than half the {kh}x{kw} kernel; a pooling window would cover only padding"));
            ok = false;
        }

        var height = (input.Height + 2 * padding - kh) / stride + 1;
        var width = (input.Width + 2 * padding - kw) / stride + 1;
        if (input.Height + 2 * padding < kh || input.Width + 2 * padding < kw)
        {
            errors.Add(layer.Error("kernel", $"the {kh}x{kw} kernel is larger than the input {from} with padding {padding}: the output size would not be positive"));
            ok = false;
        }

        return ok ? new TensorShape(channels, height, width) : null;
    }

    private static TensorShape? InferFlatten(LayerDraft layer, TensorShape input, string from, SpecErrorList errors)
    {
        if (input.Elements > int.MaxValue)
        {
            errors.Add(layer.Error("kind", $"flattening {from} gives {input.Elements} elements, more than the {int.MaxValue} a vector may hold"));
            return null;
        }

        return new TensorShape((int)input.Elements, 1, 1);
    }

    private static TensorShape? InferFc(LayerDraft layer, TensorShape input, string from, SpecErrorList errors)
    {
        if (input.Height != 1 || input.Width != 1)
        {
            errors.Add(layer.Error("inputs", $"an fc layer needs a vector input (Cx1x1) but {from} is not one; add a flatten or global_avgpool layer before it"));
            return null;
        }

        return new TensorShape(layer.OutChannels ?? 0, 1, 1);
    }

    private static TensorShape? InferAdd(LayerDraft layer, List<LayerInputRef> refs, List<TensorShape> shapes, SpecErrorList errors)
    {
        var main = shapes[0];
        var ok = true;
        for (var i = 1; i < refs.Count; i++)
        {
            var other = shapes[i];
            if (other == main)
            {
                continue;
            }

            var what = $"'{refs[i].Name}' gives {other} but '{refs[0].Name}' gives {main}";
            if (layer.PadShortcut == ShortcutPadding.None)
            {
                var hint = other.Channels < main.Channels && other.Height >= main.Height
                    ? " (for a parameter-free shortcut that subsamples and zero-pads channels, set pad_shortcut: true)"
                    : string.Empty;
                errors.Add(InputError(layer, refs[i], $"shape mismatch in add: {what}; all inputs must have the same shape{hint}"));
                ok = false;
                continue;
            }

            var fits = other.Channels <= main.Channels
                && other.Height % main.Height == 0
                && other.Width % main.Width == 0
                && other.Height / main.Height == other.Width / main.Width;
            if (!fits)
            {
                errors.Add(InputError(layer, refs[i], $"shape mismatch in add: {what}; with pad_shortcut a shortcut needs at most as many channels as the first input and a height and width that are the same integer multiple of its"));
                ok = false;
            }
            else if (layer.PadShortcut == ShortcutPadding.Symmetric && (main.Channels - other.Channels) % 2 != 0)
            {
                errors.Add(InputError(layer, refs[i], $"shape mismatch in add: {what}; pad_shortcut: symmetric puts half of the {main.Channels - other.Channels} missing channels on each side, so the difference must be even (pad_shortcut: end puts them all after)"));
                ok = false;
            }
        }

        return ok ? main : null;
    }
}
