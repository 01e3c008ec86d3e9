using System.Globalization;
using HybridSim.Functional.Network;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Export;

/// <summary>What <see cref="OnnxExporter.Export"/> made: the ONNX file's bytes and notes on what was adapted.</summary>
public sealed record OnnxExport(byte[] Model, IReadOnlyList<string> Notes);

/// <summary>
/// Writes a workload and its float weights (trained, or recovered: the SRAM layers as retrained) as an ONNX model of
/// opset 13 that PyTorch's and ONNX Runtime's users can run: the inverse of <c>hybridsim import</c>. Layer names become
/// node names and the .npz names the initializer names (so import gives the same layers and weights back); the
/// workload's dataset mean/std become Sub and Div at the input; a LoBranch branch is merged into its layer's weight
/// (W + B·A, float), since ONNX has no place for it.
/// </summary>
public static class OnnxExporter
{
    public const long Opset = 13;

    public static OnnxExport Export(WorkloadSpec workload, IReadOnlyList<NamedArray> weights, string weightsFile)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(weights);
        var ranks = weights.Where(w => w.Name.EndsWith(".lobranch_a", StringComparison.Ordinal) && w.Shape.Length == 2)
            .ToDictionary(w => w.Name[..^".lobranch_a".Length], w => w.Shape[0], StringComparer.Ordinal);
        var network = FunctionalNetwork.Create(workload, ranks);
        network.LoadWeights(weights, weightsFile);
        return new Writer(workload, network.SaveWeights().ToDictionary(a => a.Name, StringComparer.Ordinal), weightsFile).Run();
    }

    private sealed class Writer(WorkloadSpec workload, Dictionary<string, NamedArray> arrays, string file)
    {
        private readonly OnnxModelWriter _onnx = new();
        private readonly Dictionary<string, string> _tensors = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _ranks = new(StringComparer.Ordinal);
        private readonly List<string> _notes = [];

        public OnnxExport Run()
        {
            var shape = workload.InputShape;
            var vectorInput = shape.Height == 1 && shape.Width == 1
                && workload.Layers.Where(l => l.Inputs.Contains("input")).All(l => l.Kind == LayerKind.Fc);
            _onnx.Input("input", vectorInput ? [shape.Channels] : [shape.Channels, shape.Height, shape.Width]);
            _tensors["input"] = Normalization("input", vectorInput ? 2 : 4);
            _ranks["input"] = vectorInput ? 2 : 4;
            foreach (var layer in workload.Layers)
            {
                Layer(layer);
            }

            var last = workload.Layers[^1];
            _onnx.Output(_tensors[last.Name], _ranks[last.Name] == 2 ? [(int)last.OutputShape.Elements]
                : [last.OutputShape.Channels, last.OutputShape.Height, last.OutputShape.Width]);
            var version = typeof(OnnxExporter).Assembly.GetName().Version?.ToString(3) ?? "";
            return new OnnxExport(_onnx.Model(workload.Name, Opset, version), _notes);
        }

        /// <summary>The dataset block's (x − mean) / std as Sub and Div nodes on the input; returns the tensor layers read.</summary>
        private string Normalization(string input, int rank)
        {
            var dataset = workload.Dataset ?? DatasetSpec.None;
            var channels = workload.InputShape.Channels;
            int[] dims = rank == 2 ? [1, channels] : [1, channels, 1, 1];
            var tensor = input;
            if (!dataset.Mean.IsDefaultOrEmpty)
            {
                _onnx.Initializer("dataset.mean", dims, [.. dataset.Mean.Select(m => (float)m)]);
                _onnx.Node("Sub", "dataset_sub", [tensor, "dataset.mean"], ["dataset_centered"]);
                tensor = "dataset_centered";
            }

            if (!dataset.Std.IsDefaultOrEmpty)
            {
                _onnx.Initializer("dataset.std", dims, [.. dataset.Std.Select(s => (float)s)]);
                _onnx.Node("Div", "dataset_div", [tensor, "dataset.std"], ["dataset_normalized"]);
                tensor = "dataset_normalized";
            }

            if (dataset.Pad > 0)
            {
                _notes.Add(string.Create(CultureInfo.InvariantCulture, $"the dataset block's pad: {dataset.Pad} is not in the model: feed it images already padded to {workload.InputShape.Height}x{workload.InputShape.Width}"));
            }

            return tensor;
        }

        private void Layer(LayerSpec layer)
        {
            var inputs = layer.Inputs.Select(i => _tensors[i]).ToList();
            var rank = _ranks[layer.Inputs[0]];
            var output = layer.Name;
            var preActivation = layer.HasWeights && layer.Activation != ActivationKind.None ? layer.Name + ".preactivation" : output;
            switch (layer.Kind)
            {
                case LayerKind.Conv:
                    _onnx.Node("Conv", layer.Name, [inputs[0], .. Parameters(layer)], [preActivation],
                        ("dilations", new long[] { 1, 1 }), ("group", (long)layer.Groups), ("kernel_shape", new long[] { layer.KernelHeight, layer.KernelWidth }),
                        ("pads", Pads(layer)), ("strides", new long[] { layer.Stride, layer.Stride }));
                    break;
                case LayerKind.Fc:
                    var x = inputs[0];
                    if (rank != 2)
                    {
                        _onnx.Node("Flatten", layer.Name + "_flatten", [x], [layer.Name + ".flattened"], ("axis", 1L));
                        x = layer.Name + ".flattened";
                    }

                    _onnx.Node("Gemm", layer.Name, [x, .. Parameters(layer)], [preActivation], ("alpha", 1f), ("beta", 1f), ("transB", 1L));
                    rank = 2;
                    break;
                case LayerKind.BatchNorm:
                    string[] stats = [".weight", ".bias", ".running_mean", ".running_var"];
                    _onnx.Node("BatchNormalization", layer.Name, [inputs[0], .. stats.Select(s => Initializer(layer.Name + s))], [output], ("epsilon", 1e-5f), ("momentum", 0.9f));
                    break;
                case LayerKind.Activation:
                    Activation(layer.Name, layer.Activation, inputs[0], output);
                    break;
                case LayerKind.MaxPool or LayerKind.AvgPool:
                    var average = layer.Kind == LayerKind.AvgPool;
                    (string, object)[] window = [("kernel_shape", new long[] { layer.KernelHeight, layer.KernelWidth }), ("pads", Pads(layer)), ("strides", new long[] { layer.Stride, layer.Stride })];
                    _onnx.Node(average ? "AveragePool" : "MaxPool", layer.Name, [inputs[0]], [output], [.. window, .. average ? new[] { ("count_include_pad", (object)1L) } : []]);
                    break;
                case LayerKind.GlobalAvgPool:
                    _onnx.Node("GlobalAveragePool", layer.Name, [inputs[0]], [output]);
                    break;
                case LayerKind.Add:
                    Add(layer, inputs);
                    break;
                case LayerKind.Flatten:
                    _onnx.Node("Flatten", layer.Name, [inputs[0]], [output], ("axis", 1L));
                    rank = 2;
                    break;
            }

            if (preActivation != output)
            {
                Activation(layer.Name + "_activation", layer.Activation, preActivation, output);
            }

            _tensors[layer.Name] = output;
            _ranks[layer.Name] = rank;
        }

        private void Add(LayerSpec layer, List<string> inputs)
        {
            if (layer.PadShortcut)
            {
                throw Error(layer, "an add with pad_shortcut (a subsampled, channel-padded identity) has no single ONNX operator here; only adds of equal shapes export");
            }

            var sum = inputs[0];
            for (var i = 1; i < inputs.Count; i++)
            {
                var target = i == inputs.Count - 1 ? layer.Name : string.Create(CultureInfo.InvariantCulture, $"{layer.Name}.sum{i}");
                _onnx.Node("Add", i == inputs.Count - 1 ? layer.Name : target.Replace('.', '_'), [sum, inputs[i]], [target]);
                sum = target;
            }
        }

        private void Activation(string node, ActivationKind kind, string input, string output)
        {
            switch (kind)
            {
                case ActivationKind.Relu:
                    _onnx.Node("Relu", node, [input], [output]);
                    break;
                case ActivationKind.Relu6:
                    _onnx.Initializer(node + ".min", [], [0f]);
                    _onnx.Initializer(node + ".max", [], [6f]);
                    _onnx.Node("Clip", node, [input, node + ".min", node + ".max"], [output]);
                    break;
                case ActivationKind.Sigmoid:
                    _onnx.Node("Sigmoid", node, [input], [output]);
                    break;
                default:
                    _onnx.Node("Tanh", node, [input], [output]);
                    break;
            }
        }

        /// <summary>The weight (LoBranch merged in) and the bias, as initializers named as in the .npz.</summary>
        private List<string> Parameters(LayerSpec layer)
        {
            var weight = arrays[layer.Name + ".weight"];
            if (arrays.TryGetValue(layer.Name + ".lobranch_a", out var a) && arrays.TryGetValue(layer.Name + ".lobranch_b", out var b))
            {
                if (layer.Groups > 1)
                {
                    throw Error(layer, "a grouped conv with a LoBranch branch cannot export: the branch is dense across groups, which a grouped ONNX Conv cannot hold");
                }

                weight = weight with { Data = Merged(weight.Data, a, b) };
                _notes.Add($"{layer.Name}: the rank-{a.Shape[0]} LoBranch branch merged into the weight (W + B·A, float)");
            }

            _onnx.Initializer(weight.Name, weight.Shape, weight.Data);
            return layer.Bias ? [weight.Name, Initializer(layer.Name + ".bias")] : [weight.Name];
        }

        /// <summary>W + B·A with W [out, rows] (rows in im2col order, PyTorch's weight order), B [out, r], A [r, rows].</summary>
        private static float[] Merged(float[] weight, NamedArray a, NamedArray b)
        {
            int rank = a.Shape[0], rows = a.Shape[1], outputs = b.Shape[0];
            var merged = (float[])weight.Clone();
            for (var o = 0; o < outputs; o++)
            {
                for (var r = 0; r < rows; r++)
                {
                    double sum = 0;
                    for (var k = 0; k < rank; k++)
                    {
                        sum += (double)b.Data[(o * rank) + k] * a.Data[(k * rows) + r];
                    }

                    merged[(o * rows) + r] += (float)sum;
                }
            }

            return merged;
        }

        private string Initializer(string name)
        {
            var array = arrays[name];
            _onnx.Initializer(name, array.Shape, array.Data);
            return name;
        }

        private static long[] Pads(LayerSpec layer) => [layer.Padding, layer.Padding, layer.Padding, layer.Padding];

        private SpecException Error(LayerSpec layer, string message) =>
            new(new SpecError(file, 0, 0, layer.Name, $"layer '{layer.Name}' ({layer.Kind.ToString().ToLowerInvariant()}): {message}"));
    }
}
