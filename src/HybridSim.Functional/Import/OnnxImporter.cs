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
public static partial class OnnxImporter
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
        OnnxLimits.CheckFile(onnxPath);

        OnnxModel model;
        try
        {
            model = OnnxReader.ReadModel(HybridSim.Specs.Input.InputFile.ReadAllBytes(onnxPath, HybridSim.Specs.Input.InputFile.MaxDataBytes, "", "an ONNX model (.onnx)"));
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidDataException)
        {
            throw new SpecException(new SpecError(onnxPath, 0, 0, "", $"not an ONNX model: the protobuf does not decode ({e.Message})"));
        }

        OnnxLimits.Check(model, onnxPath);
        return new Conversion(onnxPath, model).Run(workloadName);
    }

    /// <summary>One import: the graph walked node by node in its (topological) order.</summary>
    private sealed partial class Conversion(string file, OnnxModel model)
    {
        private readonly OnnxModel _model = model;

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
            var opset = _model.Opset > 0 ? _model.Opset.ToString(inv) : "unknown";
            var producer = _model.ProducerName.Length > 0 ? $", produced by {OneLine(_model.ProducerName)}" : "";
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
