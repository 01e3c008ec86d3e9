using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Import;

/// <summary>
/// Turns a trained ONNX model (a CNN or MLP of the operators in <see cref="Supported"/>) into an ordinary workload file
/// (workloads/README.md) and its weights named as design.md section 8 names them. Shapes are followed through the graph
/// so that a model the workload schema cannot express is refused here, naming the node, rather than later in the YAML.
/// </summary>
public static class OnnxImporter
{
    /// <summary>Operators of the default domain that import; Identity and Dropout (inference) pass their input on.</summary>
    public static readonly ImmutableArray<string> Supported =
    [
        "Add", "AveragePool", "BatchNormalization", "Clip", "Constant", "Conv", "Dropout", "Flatten", "Gemm",
        "GlobalAveragePool", "Identity", "MatMul", "MaxPool", "Relu", "Reshape", "Sigmoid", "Tanh",
    ];

    /// <summary>The batch-norm epsilon the workload's batchnorm layers assume (PyTorch's default).</summary>
    public const float BatchNormEpsilon = 1e-5f;

    public static ImportResult Import(string onnxPath, string workloadName)
    {
        if (!File.Exists(onnxPath))
        {
            throw new SpecException(new SpecError(onnxPath, 0, 0, "", "file not found; expected an ONNX model (.onnx)"));
        }

        OnnxModel model;
        try
        {
            model = OnnxReader.ReadModel(HybridSim.Specs.Input.InputFile.ReadAllBytes(onnxPath, HybridSim.Specs.Input.InputFile.MaxDataBytes, "", "an ONNX model (.onnx)"));
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidDataException)
        {
            throw new SpecException(new SpecError(onnxPath, 0, 0, "", $"not an ONNX model: the protobuf does not decode ({e.Message})"));
        }

        return new Conversion(onnxPath, model).Run(workloadName);
    }

    /// <summary>One import: the graph walked node by node in its (topological) order.</summary>
    private sealed class Conversion(string file, OnnxModel model)
    {
        private readonly OnnxGraph _graph = model.Graph;
        private readonly Dictionary<string, OnnxTensor> _constants = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Layer, TensorShape Shape)> _edges = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _consumers = new(StringComparer.Ordinal);
        private readonly List<ImportedLayer> _layers = [];
        private readonly HashSet<string> _names = new(StringComparer.Ordinal) { "input" };
        private readonly List<NamedArray> _weights = [];
        private readonly List<string> _notes = [];
        private OnnxNode _node = new();
        private int _nodeIndex;

        public ImportResult Run(string workloadName)
        {
            foreach (var t in _graph.Initializers)
            {
                _constants[t.Name] = t;
            }

            foreach (var input in _graph.Nodes.SelectMany(n => n.Inputs).Where(i => i.Length > 0))
            {
                _consumers[input] = _consumers.GetValueOrDefault(input) + 1;
            }

            foreach (var output in _graph.Outputs)
            {
                _consumers[output.Name] = _consumers.GetValueOrDefault(output.Name) + 1;
            }

            CheckOperators();
            var inputShape = ReadInput();
            for (_nodeIndex = 0; _nodeIndex < _graph.Nodes.Count; _nodeIndex++)
            {
                _node = _graph.Nodes[_nodeIndex];
                Convert();
            }

            FinishOutput();
            MarkProjections();
            var parameters = _weights.Where(w => !w.Name.EndsWith(".running_mean", StringComparison.Ordinal) && !w.Name.EndsWith(".running_var", StringComparison.Ordinal)).Sum(w => w.Elements);
            var yaml = Yaml(workloadName, inputShape, parameters);
            return new ImportResult(yaml, _weights, _notes);
        }

        private void CheckOperators()
        {
            var errors = new SpecErrorList();
            for (var i = 0; i < _graph.Nodes.Count; i++)
            {
                var n = _graph.Nodes[i];
                if (n.Domain is not ("" or "ai.onnx") || !Supported.Contains(n.OpType))
                {
                    var op = n.Domain is "" or "ai.onnx" ? n.OpType : $"{n.Domain}.{n.OpType}";
                    errors.Add(file, 0, 0, $"graph.node[{i}]", $"node '{n.Name}' (op {op}) is not supported; supported: {string.Join(", ", Supported)}");
                }
            }

            errors.ThrowIfAny();
        }

        /// <summary>The one graph input that is not an initializer: N×C×H×W or N×F, the batch dimension dropped.</summary>
        private TensorShape ReadInput()
        {
            var inputs = _graph.Inputs.Where(i => !_constants.ContainsKey(i.Name)).ToList();
            if (inputs.Count != 1)
            {
                throw Error("graph.input", $"the graph has {inputs.Count} inputs besides its initializers ({string.Join(", ", inputs.Select(i => i.Name))}); a workload has exactly one");
            }

            var input = inputs[0];
            if (input.ElemType != OnnxTensor.Float)
            {
                throw Error("graph.input", $"input '{input.Name}' is {OnnxTensor.TypeName(input.ElemType)}; expected a float32 tensor");
            }

            var dims = input.Dims.Skip(1).ToList();
            if (!input.HasShape || dims.Count is not (1 or 3) || dims.Any(d => d is null or <= 0 or > int.MaxValue))
            {
                var shown = string.Join(", ", input.Dims.Select(d => d?.ToString(CultureInfo.InvariantCulture) ?? "?"));
                throw Error("graph.input", $"input '{input.Name}' has shape [{shown}]; expected [N, C, H, W] or [N, F] with known C, H, W or F");
            }

            var shape = dims.Count == 3
                ? new TensorShape((int)dims[0]!.Value, (int)dims[1]!.Value, (int)dims[2]!.Value)
                : new TensorShape((int)dims[0]!.Value, 1, 1);
            _edges[input.Name] = ("input", shape);
            return shape;
        }

        private void Convert()
        {
            switch (_node.OpType)
            {
                case "Constant":
                    var value = Attribute("value")?.T ?? throw NodeError("a Constant needs a tensor 'value' attribute");
                    _constants[_node.Outputs[0]] = value;
                    break;
                case "Identity" or "Dropout":
                    OnlyFirstOutputUsed();
                    _edges[_node.Outputs[0]] = Edge(0);
                    break;
                case "Conv":
                    Conv();
                    break;
                case "Gemm":
                    Gemm();
                    break;
                case "MatMul":
                    MatMul();
                    break;
                case "BatchNormalization":
                    BatchNorm();
                    break;
                case "Relu":
                    Emit("activation", [Edge(0).Layer], Edge(0).Shape, activation: "relu");
                    break;
                case "Sigmoid":
                    Emit("activation", [Edge(0).Layer], Edge(0).Shape, activation: "sigmoid");
                    break;
                case "Tanh":
                    Emit("activation", [Edge(0).Layer], Edge(0).Shape, activation: "tanh");
                    break;
                case "Clip":
                    Clip();
                    break;
                case "MaxPool" or "AveragePool":
                    Pool();
                    break;
                case "GlobalAveragePool":
                    var g = Edge(0);
                    Emit("global_avgpool", [g.Layer], new TensorShape(g.Shape.Channels, 1, 1));
                    break;
                case "Add":
                    Add();
                    break;
                case "Flatten":
                    if ((Attribute("axis")?.I ?? 1) != 1)
                    {
                        throw NodeError($"Flatten with axis {Attribute("axis")!.I} is not supported; expected axis 1 (keep the batch dimension)");
                    }

                    Flatten();
                    break;
                case "Reshape":
                    Reshape();
                    break;
            }
        }

        private void Conv()
        {
            var x = Edge(0);
            var w = Weight(1, "weight");
            if (w.Dims.Count != 4)
            {
                throw NodeError($"weight '{w.Name}' has {w.Dims.Count} dimensions; only 2-D convolutions (a 4-D weight) are supported");
            }

            var groups = (int)(Attribute("group")?.I ?? 1);
            int outChannels = (int)w.Dims[0], perGroup = (int)w.Dims[1], kh = (int)w.Dims[2], kw = (int)w.Dims[3];
            if (groups < 1 || perGroup * groups != x.Shape.Channels || outChannels % groups != 0)
            {
                throw NodeError($"weight '{w.Name}' [{string.Join(", ", w.Dims)}] with group {groups} does not fit an input of {x.Shape.Channels} channels");
            }

            CheckKernelShape(kh, kw);
            RequireOnes("dilations", "dilations other than 1 are not supported");
            var (stride, padding, oh, ow) = Window(x.Shape, kh, kw);
            var layer = Emit("conv", [x.Layer], new TensorShape(outChannels, oh, ow), kh, kw, stride, padding, groups);
            _weights.Add(new NamedArray(layer.Name + ".weight", [outChannels, perGroup, kh, kw], Floats(w)));
            if (Input(2) is not null)
            {
                layer.Bias = true;
                _weights.Add(new NamedArray(layer.Name + ".bias", [outChannels], Vector(Weight(2, "bias"), outChannels)));
            }
        }

        private void Gemm()
        {
            var x = Edge(0);
            if ((Attribute("transA")?.I ?? 0) != 0)
            {
                throw NodeError("Gemm with transA = 1 is not supported; expected the input as [N, in]");
            }

            if ((Attribute("alpha")?.F ?? 1f) != 1f || (Input(2) is not null && (Attribute("beta")?.F ?? 1f) != 1f))
            {
                throw NodeError("Gemm with alpha or beta other than 1 is not supported");
            }

            var b = Weight(1, "weight");
            var transposed = (Attribute("transB")?.I ?? 0) != 0;
            var layer = Fc(x, b, transposed);
            if (Input(2) is not null)
            {
                layer.Bias = true;
                _weights.Add(new NamedArray(layer.Name + ".bias", [layer.Output.Channels], Vector(Weight(2, "bias"), layer.Output.Channels)));
            }
        }

        private void MatMul() => Fc(Edge(0), Weight(1, "weight"), transposed: false);

        /// <summary>An fc layer; ONNX holds the weight as [in, out] unless <paramref name="transposed"/> ([out, in], design.md's layout).</summary>
        private ImportedLayer Fc((string Layer, TensorShape Shape) x, OnnxTensor b, bool transposed)
        {
            if (x.Shape.Height != 1 || x.Shape.Width != 1)
            {
                throw NodeError($"an fc ({_node.OpType}) on a {x.Shape} input is not supported; expected a vector: put a Flatten or GlobalAveragePool before it");
            }

            if (b.Dims.Count != 2)
            {
                throw NodeError($"weight '{b.Name}' has {b.Dims.Count} dimensions; expected a matrix");
            }

            int rows = (int)b.Dims[0], cols = (int)b.Dims[1];
            var (outFeatures, inFeatures) = transposed ? (rows, cols) : (cols, rows);
            if (inFeatures != x.Shape.Channels)
            {
                throw NodeError($"weight '{b.Name}' [{rows}, {cols}] expects {inFeatures} inputs, the input has {x.Shape.Channels}");
            }

            var data = Floats(b);
            if (!transposed)
            {
                var t = new float[data.Length];
                for (var i = 0; i < inFeatures; i++)
                {
                    for (var o = 0; o < outFeatures; o++)
                    {
                        t[(o * inFeatures) + i] = data[(i * outFeatures) + o];
                    }
                }

                data = t;
            }

            var layer = Emit("fc", [x.Layer], new TensorShape(outFeatures, 1, 1));
            _weights.Add(new NamedArray(layer.Name + ".weight", [outFeatures, inFeatures], data));
            return layer;
        }

        private void BatchNorm()
        {
            OnlyFirstOutputUsed();
            var x = Edge(0);
            if ((Attribute("spatial")?.I ?? 1) != 1)
            {
                throw NodeError("BatchNormalization with spatial = 0 is not supported; expected per-channel statistics");
            }

            var c = x.Shape.Channels;
            var scale = Vector(Weight(1, "scale"), c);
            var shift = Vector(Weight(2, "bias"), c);
            var mean = Vector(Weight(3, "mean"), c);
            var variance = Vector(Weight(4, "var"), c);
            var epsilon = Attribute("epsilon")?.F ?? 1e-5f;
            if (epsilon != BatchNormEpsilon)
            {
                // The workload's batchnorm assumes epsilon 1e-5; var + epsilon is what the arithmetic uses, so fold the difference in.
                variance = [.. variance.Select(v => Math.Max(0f, v + epsilon - BatchNormEpsilon))];
                _notes.Add($"node '{_node.Name}': epsilon {epsilon.ToString(CultureInfo.InvariantCulture)} folded into running_var (the workload assumes {BatchNormEpsilon.ToString(CultureInfo.InvariantCulture)})");
            }

            var layer = Emit("batchnorm", [x.Layer], x.Shape);
            _weights.Add(new NamedArray(layer.Name + ".weight", [c], scale));
            _weights.Add(new NamedArray(layer.Name + ".bias", [c], shift));
            _weights.Add(new NamedArray(layer.Name + ".running_mean", [c], mean));
            _weights.Add(new NamedArray(layer.Name + ".running_var", [c], variance));
        }

        private void Clip()
        {
            var x = Edge(0);
            double min, max;
            if (model.Opset is > 0 and < 11)
            {
                min = Attribute("min")?.F ?? float.NegativeInfinity;
                max = Attribute("max")?.F ?? float.PositiveInfinity;
            }
            else
            {
                min = Input(1) is null ? double.NegativeInfinity : Weight(1, "min").Scalar() ?? throw NodeError("Clip's min is not a float scalar");
                max = Input(2) is null ? double.PositiveInfinity : Weight(2, "max").Scalar() ?? throw NodeError("Clip's max is not a float scalar");
            }

            var activation = (min, max) switch
            {
                (0, 6) => "relu6",
                (0, double.PositiveInfinity) => "relu",
                _ => throw NodeError($"Clip to [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}] is not supported; expected [0, 6] (relu6) or [0, inf) (relu)"),
            };
            Emit("activation", [x.Layer], x.Shape, activation: activation);
        }

        private void Pool()
        {
            OnlyFirstOutputUsed();
            var x = Edge(0);
            var k = Attribute("kernel_shape")?.Ints ?? throw NodeError($"{_node.OpType} needs kernel_shape");
            if (k.Count != 2)
            {
                throw NodeError($"kernel_shape [{string.Join(", ", k)}]: only 2-D pooling is supported");
            }

            if ((Attribute("ceil_mode")?.I ?? 0) != 0)
            {
                throw NodeError("ceil_mode = 1 is not supported; the workload's pooling rounds the output size down");
            }

            RequireOnes("dilations", "dilations other than 1 are not supported");
            int kh = (int)k[0], kw = (int)k[1];
            var (stride, padding, oh, ow) = Window(x.Shape, kh, kw);
            var average = _node.OpType == "AveragePool";
            if (average && padding == 0 && kh == x.Shape.Height && kw == x.Shape.Width)
            {
                _notes.Add($"node '{_node.Name}': AveragePool over the whole {x.Shape.Height}x{x.Shape.Width} input imported as global_avgpool");
                Emit("global_avgpool", [x.Layer], new TensorShape(x.Shape.Channels, 1, 1));
                return;
            }

            if (average && padding > 0 && (Attribute("count_include_pad")?.I ?? 0) == 0)
            {
                _notes.Add($"node '{_node.Name}': AveragePool excludes padding from its divisor (count_include_pad = 0); check that HybridSim's avgpool divides the same way");
            }

            Emit(average ? "avgpool" : "maxpool", [x.Layer], new TensorShape(x.Shape.Channels, oh, ow), kh, kw, stride, padding);
        }

        private void Add()
        {
            var constant = Enumerable.Range(0, 2).FirstOrDefault(i => Input(i) is string s && _constants.ContainsKey(s), -1);
            if (constant >= 0)
            {
                FuseBias(constant);
                return;
            }

            var a = Edge(0);
            var b = Edge(1);
            if (a.Shape != b.Shape)
            {
                throw NodeError($"Add of a {a.Shape} and a {b.Shape} input is not supported; expected equal shapes (no broadcasting)");
            }

            Emit("add", [a.Layer, b.Layer], a.Shape);
        }

        /// <summary>MatMul + Add (or Conv + Add) of a per-output constant, as some exporters write a bias: becomes the layer's bias.</summary>
        private void FuseBias(int constant)
        {
            var x = Edge(1 - constant);
            var producer = _layers.LastOrDefault(l => l.Name == x.Layer);
            var bias = _constants[Input(constant)!];
            if (producer is null || producer.Kind is not ("fc" or "conv") || producer.Bias
                || _consumers.GetValueOrDefault(Input(1 - constant)!) != 1 || bias.Elements != producer.Output.Channels)
            {
                throw NodeError($"Add of the constant '{bias.Name}' is not supported; a constant may only be the bias of the conv or fc (MatMul) right before it, one value per output");
            }

            producer.Bias = true;
            _weights.Add(new NamedArray(producer.Name + ".bias", [producer.Output.Channels], Floats(bias)));
            _edges[_node.Outputs[0]] = x;
            _notes.Add($"node '{_node.Name}': Add of '{bias.Name}' fused into {producer.Name} as its bias");
        }

        private void Flatten()
        {
            var x = Edge(0);
            Emit("flatten", [x.Layer], new TensorShape((int)x.Shape.Elements, 1, 1));
        }

        private void Reshape()
        {
            var x = Edge(0);
            long[] shape;
            if (Input(1) is string name)
            {
                shape = (_constants.TryGetValue(name, out var t) ? t.IntegerValues() : null)
                    ?? throw NodeError($"Reshape's shape '{name}' is not a constant integer tensor");
            }
            else
            {
                shape = [.. Attribute("shape")?.Ints ?? throw NodeError("Reshape needs a shape")];
            }

            var elements = x.Shape.Elements;
            var flatten = shape.Length == 2
                && ((shape[0] is 0 or 1 && shape[1] is -1) || (shape[0] is 0 or 1 or -1 && shape[1] == elements));
            if (!flatten)
            {
                throw NodeError($"Reshape to [{string.Join(", ", shape)}] is not supported; only a flatten ([N, -1]) is");
            }

            Flatten();
        }

        /// <summary>Stride, symmetric padding and output size of a 2-D window. ONNX's pads are [top, left, bottom, right];
        /// unequal begin and end pads are accepted when they give the same windows as the begin pad on both sides.</summary>
        private (int Stride, int Padding, int Height, int Width) Window(TensorShape x, int kh, int kw)
        {
            var strides = Attribute("strides")?.Ints ?? [1, 1];
            if (strides.Count != 2 || strides[0] != strides[1] || strides[0] < 1)
            {
                throw NodeError($"strides [{string.Join(", ", strides)}] are not supported; expected one stride for both axes");
            }

            var stride = (int)strides[0];
            var autoPad = Attribute("auto_pad")?.S ?? "NOTSET";
            long[] pads = autoPad switch
            {
                "NOTSET" or "" => [.. Attribute("pads")?.Ints ?? [0, 0, 0, 0]],
                "VALID" => [0, 0, 0, 0],
                "SAME_UPPER" or "SAME_LOWER" => SamePads(x, kh, kw, stride, autoPad == "SAME_UPPER"),
                _ => throw NodeError($"auto_pad '{autoPad}' is not supported"),
            };
            if (pads.Length != 4)
            {
                throw NodeError($"pads [{string.Join(", ", pads)}] are not 2-D pads [top, left, bottom, right]");
            }

            static int Out(long size, long begin, long end, int k, int s) => (int)Math.Floor((size + begin + end - k) / (double)s) + 1;
            var oh = Out(x.Height, pads[0], pads[2], kh, stride);
            var ow = Out(x.Width, pads[1], pads[3], kw, stride);
            var symmetric = pads[0] == pads[2] && pads[1] == pads[3];
            if (pads[0] != pads[1] || pads.Any(p => p < 0)
                || Out(x.Height, pads[0], pads[0], kh, stride) != oh || Out(x.Width, pads[1], pads[1], kw, stride) != ow)
            {
                throw NodeError($"pads [{string.Join(", ", pads)}] are not supported: the workload pads every side by one amount, and these pads give other windows than that");
            }

            if (oh < 1 || ow < 1)
            {
                throw NodeError($"a {kh}x{kw} window does not fit the {x.Height}x{x.Width} input");
            }

            if (!symmetric)
            {
                _notes.Add($"node '{_node.Name}': pads [{string.Join(", ", pads)}] give the same windows as padding {pads[0]} on every side");
            }

            return (stride, (int)pads[0], oh, ow);
        }

        private static long[] SamePads(TensorShape x, int kh, int kw, int stride, bool upper)
        {
            long Total(int size, int k) => Math.Max(0, ((((long)size + stride - 1) / stride) - 1) * stride + k - size);
            long th = Total(x.Height, kh), tw = Total(x.Width, kw);
            long Begin(long total) => upper ? total / 2 : total - (total / 2);
            return [Begin(th), Begin(tw), th - Begin(th), tw - Begin(tw)];
        }

        private void CheckKernelShape(int kh, int kw)
        {
            if (Attribute("kernel_shape")?.Ints is { } k && !(k.Count == 2 && k[0] == kh && k[1] == kw))
            {
                throw NodeError($"kernel_shape [{string.Join(", ", k)}] does not match the weight's {kh}x{kw}");
            }
        }

        private void RequireOnes(string attribute, string message)
        {
            if (Attribute(attribute)?.Ints is { } values && values.Any(v => v != 1))
            {
                throw NodeError($"{attribute} [{string.Join(", ", values)}]: {message}");
            }
        }

        /// <summary>The graph's one output must be the last layer (the workload's network output).</summary>
        private void FinishOutput()
        {
            if (_graph.Outputs.Count != 1)
            {
                throw Error("graph.output", $"the graph has {_graph.Outputs.Count} outputs; a workload has exactly one");
            }

            if (!_edges.TryGetValue(_graph.Outputs[0].Name, out var output) || output.Layer == "input")
            {
                throw Error("graph.output", $"output '{_graph.Outputs[0].Name}' is not computed by any imported layer");
            }

            var last = _layers.Single(l => l.Name == output.Layer);
            _layers.Remove(last);
            _layers.Add(last);
        }

        /// <summary>
        /// A 1x1 conv that reads the same tensor as another conv, where the first of them opens a residual block, is the
        /// block's projection shortcut: it gets <c>shortcut_of</c> the other, so freeze-x numbers the main path only.
        /// </summary>
        private void MarkProjections()
        {
            var convs = _layers.Where(l => l.Kind == "conv").ToList();
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var shortcut in convs.Where(c => c.KernelHeight == 1 && c.KernelWidth == 1))
            {
                var main = convs.FirstOrDefault(c => c != shortcut && c.ShortcutOf is null && !used.Contains(c.Name)
                    && c.Inputs.SequenceEqual(shortcut.Inputs) && c.Output == shortcut.Output
                    && !(c.KernelHeight == 1 && c.KernelWidth == 1 && convs.IndexOf(c) > convs.IndexOf(shortcut)));
                if (main is not null && FeedsAdd(shortcut))
                {
                    shortcut.ShortcutOf = main.Name;
                    used.Add(shortcut.Name);
                }
            }
        }

        /// <summary>Whether the layer's output reaches an add through batch norms only.</summary>
        private bool FeedsAdd(ImportedLayer layer)
        {
            var name = layer.Name;
            while (true)
            {
                var readers = _layers.Where(l => l.Inputs.Contains(name)).ToList();
                if (readers.Count != 1)
                {
                    return false;
                }

                if (readers[0].Kind == "add")
                {
                    return true;
                }

                if (readers[0].Kind != "batchnorm")
                {
                    return false;
                }

                name = readers[0].Name;
            }
        }

        private string Yaml(string workloadName, TensorShape input, long parameters)
        {
            var inv = CultureInfo.InvariantCulture;
            var sb = new StringBuilder();
            var opset = model.Opset > 0 ? model.Opset.ToString(inv) : "unknown";
            var producer = model.ProducerName.Length > 0 ? $", produced by {OneLine(model.ProducerName)}" : "";
            sb.Append(inv, $"# Imported by 'hybridsim import' from {OneLine(Path.GetFileName(file))} (ONNX opset {opset}{producer}).\n");
            var projections = _layers.Count(l => l.ShortcutOf is not null);
            var positions = _layers.Count(l => l.Kind is "conv" or "fc") - projections;
            sb.Append(inv, $"# {_layers.Count} layers, {positions} weight layers (freeze-x positions){(projections > 0 ? $" + {projections} projection shortcuts" : "")}.\n");
            sb.Append(inv, $"# Parameters: {parameters.ToString("N0", inv)} (conv and fc weights and biases, batch-norm scale and shift).\n");
            sb.Append(inv, $"name: {workloadName}\n");
            sb.Append(input.Height == 1 && input.Width == 1 && _layers.FirstOrDefault()?.Kind == "fc"
                ? string.Create(inv, $"input: [{input.Channels}, 1, 1]\n")
                : string.Create(inv, $"input: [{input.Channels}, {input.Height}, {input.Width}]   # channels, height, width\n"));
            sb.Append("layers:\n");
            string? previous = null;
            foreach (var layer in _layers)
            {
                sb.Append(layer.Yaml(previous));
                previous = layer.Name;
            }

            return sb.ToString();
        }

        private static string OneLine(string text) => text.ReplaceLineEndings(" ");

        private ImportedLayer Emit(string kind, List<string> inputs, TensorShape output, int kh = 0, int kw = 0, int stride = 1, int padding = 0, int groups = 1, string? activation = null)
        {
            var layer = new ImportedLayer(LayerName(), kind, inputs, output)
            {
                KernelHeight = kh,
                KernelWidth = kw,
                Stride = stride,
                Padding = padding,
                Groups = groups,
                Activation = activation,
            };
            _layers.Add(layer);
            _edges[_node.Outputs[0]] = (layer.Name, output);
            return layer;
        }

        /// <summary>The node name made a plain YAML token ([A-Za-z0-9_.-], not starting with a digit, '.' or '-'), unique.</summary>
        private string LayerName()
        {
            var sb = new StringBuilder();
            foreach (var ch in _node.Name)
            {
                sb.Append(char.IsAsciiLetterOrDigit(ch) || ch is '_' or '.' or '-' ? ch : '_');
            }

            var name = sb.ToString().Trim('_');
            if (name.Length == 0)
            {
                name = _node.OpType.ToLowerInvariant() + _nodeIndex.ToString(CultureInfo.InvariantCulture);
            }
            else if (!char.IsAsciiLetter(name[0]) && name[0] != '_')
            {
                name = "n" + name;
            }

            // YAML 1.1 reads these as booleans or null, and 'input' is the network input.
            if (name.ToLowerInvariant() is "input" or "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or "null")
            {
                name += "_";
            }

            var unique = name;
            for (var i = 2; !_names.Add(unique); i++)
            {
                unique = $"{name}_{i.ToString(CultureInfo.InvariantCulture)}";
            }

            return unique;
        }

        private string? Input(int i) => i < _node.Inputs.Count && _node.Inputs[i].Length > 0 ? _node.Inputs[i] : null;

        private (string Layer, TensorShape Shape) Edge(int i)
        {
            var name = Input(i) ?? throw NodeError($"input {i} is missing");
            if (_edges.TryGetValue(name, out var edge))
            {
                return edge;
            }

            throw NodeError(_constants.ContainsKey(name)
                ? $"input '{name}' is a constant; expected the output of a layer"
                : $"input '{name}' is not produced by any earlier node");
        }

        private OnnxTensor Weight(int i, string role)
        {
            var name = Input(i) ?? throw NodeError($"the {role} (input {i}) is missing");
            if (!_constants.TryGetValue(name, out var tensor))
            {
                throw NodeError($"the {role} '{name}' is computed, not an initializer; only constant weights import");
            }

            if (tensor.External)
            {
                throw NodeError($"the {role} '{name}' is stored in an external data file; save the model with the weights inside it");
            }

            return tensor;
        }

        private float[] Floats(OnnxTensor t) => t.FloatValues() ?? throw NodeError(t.DataType != OnnxTensor.Float
            ? $"tensor '{t.Name}' is {OnnxTensor.TypeName(t.DataType)}; only float32 weights import"
            : $"tensor '{t.Name}' holds a number of values other than its dims [{string.Join(", ", t.Dims)}] give");

        private float[] Vector(OnnxTensor t, int length)
        {
            var values = Floats(t);
            return values.Length == length ? values : throw NodeError($"tensor '{t.Name}' has {values.Length} values; expected {length}, one per channel");
        }

        private OnnxAttribute? Attribute(string name) => _node.Attributes.GetValueOrDefault(name);

        private void OnlyFirstOutputUsed()
        {
            if (_node.Outputs.Skip(1).Any(o => o.Length > 0 && _consumers.ContainsKey(o)))
            {
                throw NodeError($"only the first output of {_node.OpType} is supported (inference); another output is used");
            }
        }

        private SpecException NodeError(string message) =>
            Error($"graph.node[{_nodeIndex}]", $"node '{_node.Name}' (op {_node.OpType}): {message}");

        private SpecException Error(string path, string message) => new(new SpecError(file, 0, 0, path, message));
    }
}
