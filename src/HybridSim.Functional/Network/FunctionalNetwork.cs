using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Functional.Layers;
using HybridSim.Functional.Tensors;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;
using HybridSim.Specs.Yaml;

namespace HybridSim.Functional.Network;

/// <summary>
/// A workload graph made executable in float32: forward (training or inference), backward into the parameters'
/// gradients, initialization and weight files. Not thread-safe: one forward/backward at a time (each runs on all cores).
/// </summary>
public sealed class FunctionalNetwork
{
    private const int NetworkInput = -1;

    private readonly Layer[] _layers;
    private readonly int[][] _inputIndices;
    private readonly ImmutableArray<Parameter> _parameters;
    private readonly Dictionary<string, Parameter> _byName;
    private readonly Dictionary<Parameter, int> _fanIn;
    private readonly Dictionary<int, Stack<float[]>> _gradientPool = [];
    private readonly Tensor?[] _outputs;
    private Tensor? _input;
    private ForwardMode _mode;
    private bool _complete;

    private FunctionalNetwork(WorkloadSpec workload, IReadOnlyDictionary<string, int> branchRanks, Layer[] layers, int[][] inputIndices, Dictionary<Parameter, int> fanIn)
    {
        Workload = workload;
        BranchRanks = branchRanks;
        _layers = layers;
        _inputIndices = inputIndices;
        _fanIn = fanIn;
        _parameters = [.. layers.SelectMany(l => l.Parameters)];
        _byName = _parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _outputs = new Tensor?[layers.Length];
    }

    public WorkloadSpec Workload { get; }

    /// <summary>The LoBranch rank of each layer that has a branch.</summary>
    public IReadOnlyDictionary<string, int> BranchRanks { get; }

    /// <summary>Every parameter and buffer in layer order (per layer: weight, bias, LoBranch A and B; batch norm:
    /// weight, bias, running mean, running variance).</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Builds the network; <paramref name="branchRanks"/> gives conv and fc layers a LoBranch of rank r.</summary>
    public static FunctionalNetwork Create(WorkloadSpec workload, IReadOnlyDictionary<string, int>? branchRanks = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var layers = new Layer[workload.Layers.Length];
        var inputs = new int[layers.Length][];
        var fanIn = new Dictionary<Parameter, int>();
        var ranks = branchRanks ?? ImmutableDictionary<string, int>.Empty;
        foreach (var name in ranks.Keys)
        {
            var layer = workload.Layers.FirstOrDefault(l => l.Name == name)
                ?? throw new ArgumentException($"branch rank for unknown layer '{name}'", nameof(branchRanks));
            if (!layer.HasWeights || ranks[name] <= 0)
            {
                throw new ArgumentException($"branch rank {ranks[name]} for layer '{name}': only conv and fc layers take a rank, and it must be positive", nameof(branchRanks));
            }
        }

        for (var i = 0; i < layers.Length; i++)
        {
            var spec = workload.Layers[i];
            var rank = ranks.TryGetValue(spec.Name, out var r) ? r : 0;
            layers[i] = spec.Kind switch
            {
                LayerKind.Conv => new ConvLayer(spec, rank),
                LayerKind.Fc => new FcLayer(spec, rank),
                LayerKind.MaxPool or LayerKind.AvgPool => new PoolLayer(spec),
                LayerKind.GlobalAvgPool => new GlobalAvgPoolLayer(spec),
                LayerKind.BatchNorm => new BatchNormLayer(spec),
                LayerKind.Activation => new ActivationLayer(spec),
                LayerKind.Add => new AddLayer(spec),
                LayerKind.Flatten => new FlattenLayer(spec),
                _ => throw new NotSupportedException($"layer kind {spec.Kind} of '{spec.Name}'"),
            };
            inputs[i] = [.. spec.Inputs.Select(n => n == "input" ? NetworkInput : index[n])];
            index[spec.Name] = i;
            var weightFanIn = layers[i] switch
            {
                ConvLayer conv => conv.FanIn,
                FcLayer fc => fc.FanIn,
                _ => 0,
            };
            foreach (var p in layers[i].Parameters)
            {
                fanIn[p] = p.Name.EndsWith(".lobranch_b", StringComparison.Ordinal) ? p.Shape[1] : p.Name.EndsWith(".lobranch_a", StringComparison.Ordinal) ? p.Shape[1] : weightFanIn;
            }
        }

        return new FunctionalNetwork(workload, ranks.ToImmutableSortedDictionary(StringComparer.Ordinal), layers, inputs, fanIn);
    }

    /// <summary>A separate network with the same graph, branches and parameter values (recovery trains copies).</summary>
    public FunctionalNetwork Clone()
    {
        var copy = Create(Workload, BranchRanks);
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value.CopyTo(copy._parameters[i].Value, 0);
        }

        return copy;
    }

    /// <summary>The executable layer at an index (tests check layers one by one).</summary>
    internal Layer LayerAt(int index) => _layers[index];

    public Parameter Parameter(string name) =>
        _byName.TryGetValue(name, out var p) ? p : throw new KeyNotFoundException($"no parameter '{name}' in workload '{Workload.Name}'" + DidYouMean.Hint(name, _byName.Keys));

    /// <summary>
    /// Kaiming-normal weights (fan-in, ReLU gain √2), zero biases, batch norm at identity (weight 1, bias 0, mean 0,
    /// variance 1), LoBranch A ~ N(0, 1/in) and B zero so the branch starts at 0. Each parameter draws from its own
    /// <see cref="Random"/> seeded from (seed, parameter index): the same seed gives the same network on any machine
    /// and thread count.
    /// </summary>
    public void Initialize(int seed)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            var name = p.Name;
            if (name.EndsWith(".running_var", StringComparison.Ordinal))
            {
                Array.Fill(p.Value, 1f);
            }
            else if (p.IsBuffer || p.DecayExempt && name.EndsWith(".bias", StringComparison.Ordinal) || name.EndsWith(".lobranch_b", StringComparison.Ordinal))
            {
                Array.Clear(p.Value);
            }
            else if (p.DecayExempt)
            {
                // Batch-norm scale.
                Array.Fill(p.Value, 1f);
            }
            else
            {
                var gain = name.EndsWith(".lobranch_a", StringComparison.Ordinal) ? 1.0 : 2.0;
                var std = Math.Sqrt(gain / Math.Max(1, _fanIn[p]));
                var random = new Random(Mix(seed, i));
                Normal(random, p.Value, std);
            }
        }
    }

    /// <summary>
    /// Runs the batch through the graph and returns a copy of the last layer's output (N × classes × 1 × 1). Keeps the
    /// activations for <see cref="Backward"/>. <paramref name="interceptor"/> may replace any layer's output.
    /// <paramref name="layers"/> runs only the first that many layers (a prefix, e.g. the frozen part of a freeze-x
    /// network) and returns the last one's output; such a pass cannot be back-propagated.
    /// </summary>
    public Tensor Forward(Tensor input, ForwardMode mode, ILayerInterceptor? interceptor = null, int? layers = null)
    {
        var count = layers ?? _layers.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(layers));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _layers.Length, nameof(layers));
        ArgumentNullException.ThrowIfNull(input);
        var shape = Workload.InputShape;
        if (input.C != shape.Channels || input.H != shape.Height || input.W != shape.Width || input.N < 1)
        {
            throw new ArgumentException($"input {input} does not match the workload's input N x {shape}");
        }

        _input = input;
        _complete = count == _layers.Length;
        _mode = mode;
        for (var i = 0; i < count; i++)
        {
            var layer = _layers[i];
            var inputs = Inputs(i);
            var output = interceptor?.Intercept(layer.Spec, i, inputs);
            if (output is null)
            {
                output = layer.Forward(inputs, mode);
            }
            else
            {
                var expected = layer.Spec.OutputShape;
                if (output.N != input.N || output.C != expected.Channels || output.H != expected.Height || output.W != expected.Width)
                {
                    throw new InvalidOperationException($"interceptor gave layer '{layer.Spec.Name}' an output of {output}, expected {input.N}x{expected}");
                }
            }

            _outputs[i] = output;
            interceptor?.Observe(layer.Spec, i, inputs, output);
        }

        return _outputs[count - 1]!.Clone();
    }

    /// <summary>Back-propagates d(loss)/d(logits) through the last <see cref="Forward"/> and adds the parameters'
    /// gradients to <see cref="Parameter.Grad"/> (call <see cref="ZeroGrad"/> first for a fresh step). Layers in
    /// <paramref name="skip"/> (frozen ones whose inputs need no gradient) are not back-propagated.</summary>
    public void Backward(Tensor gradOutput, IReadOnlySet<int>? skip = null)
    {
        ArgumentNullException.ThrowIfNull(gradOutput);
        if (_input is null || !_complete)
        {
            throw new InvalidOperationException("Backward needs a Forward of the whole network first");
        }

        var last = _outputs[^1]!;
        if (!gradOutput.SameShape(last))
        {
            throw new ArgumentException($"gradient {gradOutput} does not match the output {last}");
        }

        var grads = new Tensor?[_layers.Length];
        grads[^1] = gradOutput;
        for (var i = _layers.Length - 1; i >= 0; i--)
        {
            var grad = grads[i];
            if (grad is null)
            {
                // Nothing downstream of this layer reaches the output.
                continue;
            }

            if (skip is not null && skip.Contains(i))
            {
                if (i != _layers.Length - 1)
                {
                    Return(grad);
                }

                grads[i] = null;
                continue;
            }

            var indices = _inputIndices[i];
            var gradInputs = new Tensor?[indices.Length];
            for (var j = 0; j < indices.Length; j++)
            {
                var source = indices[j];
                if (source != NetworkInput)
                {
                    grads[source] ??= Rent(_outputs[source]!);
                    gradInputs[j] = grads[source];
                }
            }

            _layers[i].Backward(Inputs(i), _outputs[i]!, grad, gradInputs, _mode);
            if (i != _layers.Length - 1)
            {
                Return(grad);
            }

            grads[i] = null;
        }
    }

    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            Array.Clear(p.Grad);
        }
    }

    /// <summary>Copies the tensors of a weights file into the parameters. Names and shapes must match exactly; every
    /// problem (missing, unexpected, wrong shape) is collected and thrown together as a <see cref="SpecException"/>.</summary>
    public void LoadWeights(IReadOnlyList<NamedArray> arrays, string file)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        var errors = new List<SpecError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var array in arrays)
        {
            if (!seen.Add(array.Name))
            {
                errors.Add(new SpecError(file, 0, 0, Excerpt.Of(array.Name), $"duplicate tensor '{Excerpt.Of(array.Name)}'"));
                continue;
            }

            if (!_byName.TryGetValue(array.Name, out var p))
            {
                errors.Add(new SpecError(file, 0, 0, Excerpt.Of(array.Name), $"unexpected tensor '{Excerpt.Of(array.Name)}' (the workload has no such parameter; expected one of {Closest(array.Name)})"));
                continue;
            }

            if (!array.Shape.SequenceEqual(p.Shape) || array.Data.Length != p.Length)
            {
                errors.Add(new SpecError(file, 0, 0, array.Name, $"shape {array.ShapeText} does not match the expected {p.ShapeText} of layer '{LayerOf(p)}'"));
            }
            else if (ModelLimits.FirstOutOfRange(array.Data) is var bad and >= 0)
            {
                errors.Add(new SpecError(file, 0, 0, array.Name, ModelLimits.OutOfRangeMessage(array.Name, bad, array.Data[bad])));
            }
            else if (array.Name.EndsWith(".running_var", StringComparison.Ordinal) && Array.FindIndex(array.Data, v => v < 0) is var negative and >= 0)
            {
                errors.Add(new SpecError(file, 0, 0, array.Name, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"tensor '{array.Name}' holds {array.Data[negative]} at index {negative}; a variance must be >= 0")));
            }
        }

        foreach (var p in _parameters.Where(p => !seen.Contains(p.Name)))
        {
            errors.Add(new SpecError(file, 0, 0, p.Name, $"missing tensor '{p.Name}', expected shape {p.ShapeText} (layer '{LayerOf(p)}')"));
        }

        if (errors.Count > 0)
        {
            throw new SpecException(errors);
        }

        foreach (var array in arrays)
        {
            array.Data.AsSpan().CopyTo(_byName[array.Name].Value);
        }
    }

    /// <summary>Copies of every parameter and buffer, in <see cref="Parameters"/> order.</summary>
    public IReadOnlyList<NamedArray> SaveWeights() =>
        [.. _parameters.Select(p => new NamedArray(p.Name, p.Shape, (float[])p.Value.Clone()))];

    private Tensor[] Inputs(int layer)
    {
        var indices = _inputIndices[layer];
        var inputs = new Tensor[indices.Length];
        for (var j = 0; j < indices.Length; j++)
        {
            inputs[j] = indices[j] == NetworkInput ? _input! : _outputs[indices[j]]!;
        }

        return inputs;
    }

    private Tensor Rent(Tensor like)
    {
        if (_gradientPool.TryGetValue(like.Length, out var stack) && stack.Count > 0)
        {
            var data = stack.Pop();
            Array.Clear(data);
            return new Tensor(like.N, like.C, like.H, like.W, data);
        }

        return like.ZerosLike();
    }

    private void Return(Tensor tensor)
    {
        if (!_gradientPool.TryGetValue(tensor.Length, out var stack))
        {
            stack = new Stack<float[]>();
            _gradientPool[tensor.Length] = stack;
        }

        stack.Push(tensor.Data);
    }

    private string LayerOf(Parameter p) => p.Name[..p.Name.LastIndexOf('.')];

    private string Closest(string name)
    {
        const int Shown = 5;
        var names = _parameters.Select(p => p.Name).OrderBy(n => DidYouMean.Distance(name, n)).ThenBy(n => n, StringComparer.Ordinal).ToList();
        return string.Join(", ", names.Take(Shown)) + (names.Count > Shown ? string.Create(CultureInfo.InvariantCulture, $", ... ({names.Count} in all)") : "");
    }

    private static int Mix(int seed, int index)
    {
        // SplitMix64 finalizer: nearby (seed, index) pairs get unrelated streams.
        var z = unchecked(((ulong)(uint)seed << 32) + (ulong)index + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    /// <summary>Box-Muller: N(0, std²) samples from a uniform stream.</summary>
    private static void Normal(Random random, float[] values, double std)
    {
        for (var i = 0; i < values.Length; i += 2)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var radius = Math.Sqrt(-2.0 * Math.Log(u1)) * std;
            values[i] = (float)(radius * Math.Cos(2.0 * Math.PI * u2));
            if (i + 1 < values.Length)
            {
                values[i + 1] = (float)(radius * Math.Sin(2.0 * Math.PI * u2));
            }
        }
    }
}
