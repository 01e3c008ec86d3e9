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
/// (workloads/README.md) and its weights named as docs/pytorch.md names them. Shapes are followed through the graph
/// so that a model the workload schema cannot express is refused here, naming the node, rather than later in the YAML.
/// </summary>
public static partial class OnnxImporter
{
    /// <summary>Operators that fold to a constant when their inputs are constants (Shape: when its input's shape is
    /// known): the batch-dimension arithmetic exporters write around view/reshape/pad. Add, Sub, Mul and Div fold
    /// when both inputs are constant, and otherwise map to layers.</summary>
    public static readonly ImmutableArray<string> Foldable =
    [
        "Add", "Cast", "Concat", "ConstantOfShape", "Div", "Gather", "Identity", "Mul", "Reshape", "Shape", "Slice",
        "Squeeze", "Sub", "Transpose", "Unsqueeze",
    ];

    /// <summary>Operators of the default domain that map to layers (or pass their input on: Identity, Dropout in
    /// inference, a zero Pad, a layout-only Transpose or Reshape, Softmax at the output), besides <see cref="Foldable"/>.</summary>
    public static readonly ImmutableArray<string> Mapped =
    [
        "Add", "AveragePool", "BatchNormalization", "Clip", "Constant", "Conv", "Div", "Dropout", "Flatten", "Gemm",
        "GlobalAveragePool", "Identity", "LogSoftmax", "MatMul", "MaxPool", "Mul", "Pad", "ReduceMean", "Relu", "Reshape",
        "Sigmoid", "Softmax", "Sub", "Tanh", "Transpose",
    ];

    /// <summary>Every operator that imports: mapped to layers, or folded to constants.</summary>
    public static readonly ImmutableArray<string> Supported = [.. Mapped.Union(Foldable).Order(StringComparer.Ordinal)];

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
            return new ImportResult(yaml, _weights, _notes) { Metadata = _model.Metadata };
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
            _ranks[input.Name] = input.Dims.Count;
            return shape;
        }

        private void Convert()
        {
            if (Folds())
            {
                Fold();
                return;
            }

            try
            {
                Map();
            }
            catch (InvalidDataException e)
            {
                throw NodeError(e.Message);
            }
        }

        private void Map()
        {
            switch (_node.OpType)
            {
                case "Constant":
                    var value = Attribute("value")?.T ?? throw NodeError("a Constant needs a tensor 'value' attribute");
                    _constants[_node.Outputs[0]] = value;
                    break;
                case "Identity":
                    PassThrough(0);
                    break;
                case "Dropout":
                    Dropout();
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
                case "Add" or "Sub" or "Mul" or "Div":
                    Arithmetic();
                    break;
                case "Flatten":
                    Flatten();
                    break;
                case "Reshape":
                    Reshape();
                    break;
                case "Transpose":
                    Transpose();
                    break;
                case "Pad":
                    Pad();
                    break;
                case "ReduceMean":
                    ReduceMean();
                    break;
                case "Softmax" or "LogSoftmax":
                    SoftmaxAtOutput();
                    break;
                default:
                    throw NodeError($"{_node.OpType} folds only when its inputs are constants (shape arithmetic); here it reads a layer's output");
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
            _ranks[_node.Outputs[0]] = kind is "fc" or "flatten" ? 2 : RankOf(Input(0)!);
            return layer;
        }

        /// <summary>The node name made a plain YAML token ([A-Za-z0-9_.-], not starting with a digit, '.' or '-'), unique.</summary>
        private string LayerName()
        {
            var sb = new StringBuilder();
            foreach (var ch in WeightPrefix() ?? _node.Name)
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
            if (_pendingPads.ContainsKey(name))
            {
                throw NodeError($"input '{name}' is the output of a Pad; a Pad imports only right before a Conv, which takes it into its padding");
            }

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
