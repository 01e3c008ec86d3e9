using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Workloads;

/// <summary>
/// Reads a workload file's YAML tree into a <see cref="WorkloadDraft"/>: types, required and unknown fields,
/// value ranges. Graph and shape checks come after, in <see cref="WorkloadGraphBuilder"/>.
/// </summary>
internal static class WorkloadReader
{
    private static readonly KeyValuePair<string, LayerKind>[] KindChoices =
        [.. WorkloadSchema.Kinds.Select(k => KeyValuePair.Create(k.Name, k.Kind))];

    /// <summary><c>pad_shortcut:</c> values; <c>true</c> is <c>end</c>, the placement every earlier file meant.</summary>
    private static readonly KeyValuePair<string, ShortcutPadding>[] ShortcutPaddingChoices =
    [
        KeyValuePair.Create("false", ShortcutPadding.None),
        KeyValuePair.Create("true", ShortcutPadding.End),
        KeyValuePair.Create("end", ShortcutPadding.End),
        KeyValuePair.Create("symmetric", ShortcutPadding.Symmetric),
    ];

    private static readonly KeyValuePair<string, ActivationKind>[] ActivationChoices =
        [.. WorkloadSchema.Activations.Select(a => KeyValuePair.Create(a.Name, a.Kind))];

    public static WorkloadDraft Read(SpecMapping root, string file, SpecErrorList errors)
    {
        var draft = new WorkloadDraft(file);
        var top = new MappingReader(root, "", errors);
        draft.Name = top.ReadString("name", required: true, expected: "the workload's name");
        top.ReadString("description");
        draft.InputShape = ReadShape(top, errors);
        draft.Dataset = ReadDataset(top, draft.InputShape, errors);
        var layers = top.ReadSequence("layers", required: true, expected: "a list of layers");
        top.Finish();
        if (layers is null)
        {
            return draft;
        }

        if (layers.Items.IsEmpty)
        {
            errors.Add(layers, "layers", "no layers; expected a list of one or more layers");
        }

        if (layers.Items.Length > YamlLimits.MaxLayers)
        {
            errors.Add(layers, "layers", string.Create(CultureInfo.InvariantCulture,
                $"{layers.Items.Length} layers, more than the {YamlLimits.MaxLayers} a workload may have; expected at most {YamlLimits.MaxLayers} layers"));
            return draft;
        }

        for (var i = 0; i < layers.Items.Length; i++)
        {
            var item = layers.Items[i];
            if (item is SpecMapping mapping)
            {
                draft.Layers.Add(ReadLayer(mapping, i, errors));
            }
            else
            {
                errors.Add(item, $"layers[{i}]", $"expected a layer (a mapping with at least 'name' and 'kind'), found {item.KindName}");
            }
        }

        return draft;
    }

    private static TensorShape? ReadShape(MappingReader top, SpecErrorList errors)
    {
        const string expected = "the input shape as [channels, height, width], e.g. [3, 32, 32]";
        var node = top.Node("input", required: true, expected);
        if (node is null)
        {
            return null;
        }

        if (node is not SpecSequence { Items.Length: 3 } sequence)
        {
            var found = node is SpecSequence s ? $"{s.Items.Length} values" : node.KindName;
            errors.Add(node, "input", $"expected {expected}, found {found}");
            return null;
        }

        var values = new int?[3];
        for (var i = 0; i < 3; i++)
        {
            values[i] = ParseInt(sequence.Items[i], $"input[{i}]", errors);
        }

        return values is [{ } c, { } h, { } w] ? new TensorShape(c, h, w) : null;
    }

    /// <summary>The optional <c>dataset: {mean: [...], std: [...], pad: P}</c>; lists have one value per input channel.</summary>
    private static DatasetSpec? ReadDataset(MappingReader top, TensorShape? input, SpecErrorList errors)
    {
        var r = top.ReadMapping("dataset", expected: "a mapping with any of mean, std and pad, e.g. {mean: [0.2860], std: [0.3530], pad: 2}");
        if (r is null)
        {
            return null;
        }

        var mean = ReadChannelValues(r, "mean", input, positive: false, errors);
        var std = ReadChannelValues(r, "std", input, positive: true, errors);
        var pad = r.ReadInt("pad", min: 0, max: WorkloadSchema.MaxSize) ?? 0;
        if (input is not null && (2L * pad >= input.Height || 2L * pad >= input.Width) && r.Mapping["pad"] is { } padNode)
        {
            errors.Add(padNode, r.ChildPath("pad"), $"pad {pad} on each side leaves no image inside input {input}; expected 2·pad smaller than the height and width");
            pad = 0;
        }

        r.Finish();
        return new DatasetSpec(mean, std, pad);
    }

    /// <summary>A list of numbers, one per input channel (checked when the input shape is known); empty when absent or broken.</summary>
    private static ImmutableArray<double> ReadChannelValues(MappingReader r, string key, TensorShape? input, bool positive, SpecErrorList errors)
    {
        var what = positive ? "positive numbers" : "numbers";
        var perChannel = input is null ? "one per input channel" : $"one per input channel: {input.Channels} for input {input}";
        var expected = $"a list of {what}, {perChannel}";
        var sequence = r.ReadSequence(key, expected: expected);
        if (sequence is null)
        {
            return [];
        }

        var path = r.ChildPath(key);
        if (input is not null && sequence.Items.Length != input.Channels)
        {
            errors.Add(sequence, path, $"expected {expected}, found {sequence.Items.Length} value{(sequence.Items.Length == 1 ? "" : "s")}");
            return [];
        }

        var values = ImmutableArray.CreateBuilder<double>(sequence.Items.Length);
        var ok = true;
        for (var i = 0; i < sequence.Items.Length; i++)
        {
            var item = sequence.Items[i];
            var itemPath = $"{path}[{i}]";
            if (item is not SpecScalar { IsNull: false } scalar
                || !double.TryParse(scalar.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value))
            {
                var found = item is SpecScalar { IsNull: false } s ? $"'{s.Value}'" : item.KindName;
                errors.Add(item, itemPath, $"expected {(positive ? "a positive number" : "a number")}, found {found}");
                ok = false;
                continue;
            }

            if (positive && value <= 0)
            {
                errors.Add(item, itemPath, $"must be positive: a standard deviation divides the pixels, found {scalar.Value}");
                ok = false;
                continue;
            }

            values.Add(value);
        }

        return ok ? values.MoveToImmutable() : [];
    }

    private static LayerDraft ReadLayer(SpecMapping mapping, int index, SpecErrorList errors)
    {
        var layer = new LayerDraft(index, At(mapping));
        var errorsBefore = errors.Count;
        if (mapping["name"] is SpecScalar { IsNull: false } nameScalar)
        {
            layer.Path = $"layers[{nameScalar.Value}]";
        }

        var r = new MappingReader(mapping, layer.Path, errors);
        layer.Name = r.ReadString("name", required: true, expected: "a unique layer name");
        Locate(layer, r, "name");
        layer.Kind = r.ReadChoice("kind", KindChoices, required: true);
        Locate(layer, r, "kind");
        layer.Inputs = ReadInputs(layer, r, errors);
        if (layer.Kind is not { } kind)
        {
            // Without a kind the other fields cannot be judged; still catch keys that no kind takes.
            r.Allow([.. WorkloadSchema.AllLayerKeys]);
            r.Finish();
            return layer;
        }

        var keys = WorkloadSchema.KeysOf(kind);
        var required = WorkloadSchema.RequiredKeysOf(kind);
        foreach (var key in keys)
        {
            ReadField(layer, r, key, required.Contains(key), errors);
            Locate(layer, r, key);
        }

        foreach (var entry in mapping.Entries)
        {
            // A key that belongs to another kind is a misplaced field, not a typo: say which kinds take it.
            if (!keys.Contains(entry.Name) && !WorkloadSchema.CommonKeys.Contains(entry.Name) && WorkloadSchema.AllLayerKeys.Contains(entry.Name))
            {
                r.Allow(entry.Name);
                var takers = WorkloadSchema.Kinds.Where(k => WorkloadSchema.KeysOf(k.Kind).Contains(entry.Name)).Select(k => k.Name);
                var accepted = keys.IsEmpty ? "only name, kind and inputs" : string.Join(", ", WorkloadSchema.CommonKeys.Concat(keys));
                errors.Add(entry.Key, $"{layer.Path}.{entry.Name}",
                    $"'{entry.Name}' does not apply to {WorkloadSchema.Article(kind)} layer (it is a field of {string.Join(", ", takers)}); {WorkloadSchema.Article(kind)} layer takes {accepted}");
            }
        }

        r.Finish();
        layer.Broken = errors.Count > errorsBefore;
        return layer;
    }

    private static void ReadField(LayerDraft layer, MappingReader r, string key, bool required, SpecErrorList errors)
    {
        switch (key)
        {
            case "out_channels" or "out_features":
                layer.OutChannels = r.ReadInt(key, required, max: WorkloadSchema.MaxSize);
                break;
            case "kernel":
                ReadKernel(layer, r, required, errors);
                break;
            case "stride":
                layer.Stride = r.ReadInt(key, max: WorkloadSchema.MaxSize);
                break;
            case "padding":
                layer.Padding = r.ReadInt(key, min: 0, max: WorkloadSchema.MaxSize);
                break;
            case "groups":
                layer.Groups = r.ReadInt(key, max: WorkloadSchema.MaxSize);
                break;
            case "bias":
                layer.Bias = r.ReadBool(key);
                break;
            case "activation":
                layer.Activation = r.ReadChoice(key, ActivationChoices, required);
                break;
            case "rank":
                layer.Rank = r.ReadInt(key, max: WorkloadSchema.MaxSize);
                break;
            case "shortcut_of":
                layer.ShortcutOf = r.ReadString(key, expected: "the name of the first conv of the block this projection bypasses");
                break;
            case "pad_shortcut":
                layer.PadShortcut = r.ReadChoice(key, ShortcutPaddingChoices) ?? ShortcutPadding.None;
                break;
            default:
                throw new InvalidOperationException($"workload schema lists '{key}' but the reader does not read it");
        }
    }

    /// <summary><c>kernel: 3</c> (square) or <c>kernel: [3, 1]</c> (height, width).</summary>
    private static void ReadKernel(LayerDraft layer, MappingReader r, bool required, SpecErrorList errors)
    {
        const string expected = "a kernel size: an integer >= 1, or [height, width]";
        var node = r.Node("kernel", required, expected);
        var path = $"{layer.Path}.kernel";
        switch (node)
        {
            case null:
                return;
            case SpecScalar scalar:
                layer.KernelHeight = layer.KernelWidth = ParseInt(scalar, path, errors);
                return;
            case SpecSequence { Items.Length: 2 } pair:
                layer.KernelHeight = ParseInt(pair.Items[0], path + "[0]", errors);
                layer.KernelWidth = ParseInt(pair.Items[1], path + "[1]", errors);
                if (layer.KernelHeight is null || layer.KernelWidth is null)
                {
                    layer.KernelHeight = layer.KernelWidth = null;
                }

                return;
            default:
                var found = node is SpecSequence s ? $"{s.Items.Length} values" : node.KindName;
                errors.Add(node, path, $"expected {expected}, found {found}");
                return;
        }
    }

    /// <summary><c>inputs: name</c> or <c>inputs: [a, b]</c>; null when absent (the default applies) or broken.</summary>
    private static List<LayerInputRef>? ReadInputs(LayerDraft layer, MappingReader r, SpecErrorList errors)
    {
        const string expected = "a layer name or a list of layer names ('input' is the network input)";
        var node = r.Node("inputs");
        var path = $"{layer.Path}.inputs";
        if (node is null)
        {
            return null;
        }

        layer.SetLocation("inputs", At(node));
        var items = node switch
        {
            SpecScalar s => [s],
            SpecSequence s => s.Items,
            _ => [node],
        };
        if (items.IsEmpty)
        {
            errors.Add(node, path, $"empty list; expected {expected}");
            return null;
        }

        var refs = new List<LayerInputRef>();
        foreach (var item in items)
        {
            if (item is SpecScalar { IsNull: false } name)
            {
                refs.Add(new LayerInputRef(name.Value, At(name)));
            }
            else
            {
                errors.Add(item, path, $"expected {expected}, found {item.KindName}");
            }
        }

        if (refs.Count != items.Length)
        {
            layer.InputsInvalid = true;
            return null;
        }

        return refs;
    }

    /// <summary>An integer from 1 to <see cref="WorkloadSchema.MaxSize"/> held by a sequence item.</summary>
    private static int? ParseInt(SpecNode node, string path, SpecErrorList errors)
    {
        var expected = MappingReader.IntegerPhrase(1, WorkloadSchema.MaxSize);
        if (node is not SpecScalar { IsNull: false } scalar)
        {
            errors.Add(node, path, $"expected {expected}, found {node.KindName}");
            return null;
        }

        if (!long.TryParse(scalar.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(scalar, path, $"expected {expected}, found '{scalar.Value}'");
            return null;
        }

        if (value < 1 || value > WorkloadSchema.MaxSize)
        {
            var what = value <= 0 ? "must be positive: " : "out of range: ";
            errors.Add(scalar, path, $"{what}expected {expected}, found {value}");
            return null;
        }

        return (int)value;
    }

    private static void Locate(LayerDraft layer, MappingReader r, string key)
    {
        if (r.Mapping[key] is { } node)
        {
            layer.SetLocation(key, At(node));
        }
    }

    private static SourceLocation At(SpecNode node) => new(node.File, node.Line, node.Column);
}
