using System.Collections.Immutable;
using HybridSim.Compiler.Mapping;
using HybridSim.Compiler.Partitioning;
using HybridSim.Functional.Data;
using HybridSim.Functional.Layers;
using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Inference;

/// <summary>
/// A trained network as the architecture computes it (docs/model.md, "Functional model"): each conv and fc layer's matrices
/// placed, tiled and quantized as the partition plan and the compiler's tiling say, batch norms folded into the
/// layer before them, activation scales from a calibration batch of the float model. Layers without weights run
/// in floating point between the matrices, as the vector units do.
/// </summary>
public sealed class FixedPointModel
{
    private readonly Dictionary<int, WeightLayerPlan> _byIndex;
    private readonly HashSet<int> _folded;

    private FixedPointModel(FunctionalNetwork network, IReadOnlyList<WeightLayerPlan> layers, bool floatBranches = false)
    {
        _floatBranches = floatBranches;
        Network = network;
        Layers = layers;
        _byIndex = layers.ToDictionary(l => l.Index);
        _folded = [.. layers.Where(l => l.FoldedBatchNorm is not null).Select(l => l.FoldedBatchNorm!.Value)];
    }

    private const int BranchIds = 1 << 20;

    private readonly bool _floatBranches;

    internal IReadOnlyList<WeightLayerPlan> Layers { get; }

    /// <summary>The float network the model was prepared from.</summary>
    public FunctionalNetwork Network { get; }

    /// <summary>Indices of the batch norms folded into the layer before them.</summary>
    internal IReadOnlySet<int> FoldedBatchNorms => _folded;

    /// <summary>The weight layers in execution order with where their main matrix runs.</summary>
    public IReadOnlyList<(string Name, TileKind Placement)> WeightLayers => [.. Layers.Select(l => (l.Layer.Name, l.Main.Placement))];

    /// <summary>Every matrix (main, then branch A and B) in execution order.</summary>
    public IEnumerable<QuantizedMatrix> Matrices => Layers.SelectMany(l => new[] { l.Main, l.BranchA, l.BranchB }).OfType<QuantizedMatrix>();

    /// <summary>Quantizes <paramref name="network"/> (weights loaded) for <paramref name="plan"/> on <paramref name="architecture"/>,
    /// calibrating the input scales on <paramref name="calibration"/> with the float model.</summary>
    public static FixedPointModel Prepare(ArchitectureSpec architecture, FunctionalNetwork network, ImmutableArray<LayerPartition?> plan, Dataset calibration, int batchSize = 64)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(calibration);
        var workload = network.Workload;
        var statistics = new Dictionary<int, InputStatistics>();
        ForEachBatch(calibration, batchSize, (input, _) => network.Forward(input, ForwardMode.Inference, new Recorder(statistics, null)));

        var layers = new List<WeightLayerPlan>();
        // A main matrix's identity is its weight layer's position, whatever branches exist, so a chip seed programs the
        // same W cells at every rank; branches (digital, never drawn) are numbered apart.
        var id = 0;
        for (var i = 0; i < workload.Layers.Length; i++)
        {
            var layer = workload.Layers[i];
            if (!layer.HasWeights)
            {
                continue;
            }

            var partition = plan[i] ?? throw new InvalidOperationException($"the partition plan has no entry for weight layer {layer.Name}");
            var folded = FoldableBatchNorm(workload, i);
            var (weights, bias, outScale) = Folded(network, layer, folded is { } f ? workload.Layers[f] : null);
            var window = layer.Kind == LayerKind.Conv ? layer.InputShape : LayerMatrices.Window(workload, layer);
            var geometry = Geometry(layer, window);
            var stats = statistics[i];
            var main = Matrix(architecture, layer.Name, id, partition.Placement, geometry, LayerMatrices.Main(layer, window), layer.Kind == LayerKind.Conv, weights, bias, stats);
            QuantizedMatrix? a = null, b = null;
            if (partition.BranchRank > 0)
            {
                var rank = partition.BranchRank;
                var aGeometry = geometry with { Groups = 1, OutChannels = rank };
                a = Matrix(architecture, layer.Name + ".A", BranchIds + (2 * id), TileKind.Digital, aGeometry, LayerMatrices.BranchA(layer, window, rank), false,
                    network.Parameter(layer.Name + ".lobranch_a").Value, null, stats);
                var bWeights = (float[])network.Parameter(layer.Name + ".lobranch_b").Value.Clone();
                for (var o = 0; o < layer.OutChannels; o++)
                {
                    for (var r = 0; r < rank; r++)
                    {
                        bWeights[(o * rank) + r] *= outScale[o];
                    }
                }

                var bGeometry = new MatrixGeometry(rank, geometry.OutHeight, geometry.OutWidth, 1, 1, 1, 0, 1, layer.OutChannels, geometry.OutHeight, geometry.OutWidth);
                var bStats = BranchStatistics(network, calibration, batchSize, i, a);
                b = Matrix(architecture, layer.Name + ".B", BranchIds + (2 * id) + 1, TileKind.Digital, bGeometry, LayerMatrices.BranchB(layer, rank), false, bWeights, null, bStats);
            }

            layers.Add(new WeightLayerPlan(i, layer, folded, main, a, b));
            id++;
        }

        return new FixedPointModel(network, layers);
    }

    /// <summary>The reference chip: every matrix exactly as quantized (the digital fixed-point model).</summary>
    public FixedPointChip Ideal() => new(0, true, Matrices.ToDictionary(m => m, ProgrammedMatrix.Ideal));

    /// <summary>Programs chip <paramref name="seed"/>: the device block's effects drawn for every analog cell.</summary>
    public FixedPointChip Program(ulong seed, InferencePath path)
    {
        var matrices = new Dictionary<QuantizedMatrix, ProgrammedMatrix>();
        foreach (var m in Matrices)
        {
            matrices[m] = ProgrammedMatrix.Program(m, seed, path == InferencePath.Exact);
        }

        return new FixedPointChip(seed, false, matrices);
    }

    /// <summary>
    /// The same model with every LoBranch A and B taken from the network's current parameters and computed in floating
    /// point (a branch being trained: the quantization it will get depends on calibration after training); the main
    /// matrices are shared (so a chip programmed for this model holds them).
    /// </summary>
    internal FixedPointModel WithFloatBranches()
    {
        var layers = Layers.Select(l =>
        {
            if (l.BranchA is not { } a || l.BranchB is not { } b)
            {
                return l;
            }

            var folded = l.FoldedBatchNorm is { } f ? Network.Workload.Layers[f] : null;
            var (_, _, outScale) = Folded(Network, l.Layer, folded);
            var rank = a.Geometry.OutChannels;
            var bWeights = (float[])Network.Parameter(l.Layer.Name + ".lobranch_b").Value.Clone();
            for (var o = 0; o < l.Layer.OutChannels; o++)
            {
                for (var r = 0; r < rank; r++)
                {
                    bWeights[(o * rank) + r] *= outScale[o];
                }
            }

            return l with
            {
                BranchA = a.WithWeights((float[])Network.Parameter(l.Layer.Name + ".lobranch_a").Value.Clone()),
                BranchB = b.WithWeights(bWeights),
            };
        }).ToList();
        return new FixedPointModel(Network, layers, floatBranches: true);
    }

    /// <summary>An interceptor that runs the network as this model on <paramref name="chip"/>; <paramref name="observeLayer"/>
    /// sees every layer's output by layer index.</summary>
    internal ILayerInterceptor Interceptor(FixedPointChip chip, InferencePath path, long sampleBase, Action<int, Tensor>? observeLayer = null) =>
        new Executor(this, chip, chip.IsIdeal ? InferencePath.Fast : path, sampleBase, null, observeLayer);

    /// <summary>
    /// Logits of a batch on <paramref name="chip"/>; <paramref name="sampleBase"/> is the batch's first sample index in
    /// the data set (read noise is drawn per sample, so batching does not change it). <paramref name="observe"/>
    /// sees each weight layer's output (after its folded batch norm and activation), by weight-layer position.
    /// </summary>
    public Tensor Forward(Tensor input, FixedPointChip chip, InferencePath path, long sampleBase, Action<int, Tensor>? observe = null)
    {
        ArgumentNullException.ThrowIfNull(chip);
        return Network.Forward(input, ForwardMode.Inference, new Executor(this, chip, chip.IsIdeal ? InferencePath.Fast : path, sampleBase, observe, null));
    }

    /// <summary>The first <paramref name="layers"/> layers of a batch on <paramref name="chip"/>; <paramref name="observeLayer"/> sees each output by layer index.</summary>
    internal void ForwardPrefix(Tensor input, FixedPointChip chip, InferencePath path, long sampleBase, int layers, Action<int, Tensor> observeLayer) =>
        Network.Forward(input, ForwardMode.Inference, Interceptor(chip, path, sampleBase, observeLayer), layers);

    /// <summary>Runs <paramref name="body"/> on consecutive batches of <paramref name="data"/> (tensor, first sample index).</summary>
    public static void ForEachBatch(Dataset data, int batchSize, Action<Tensor, int> body)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(body);
        for (var start = 0; start < data.Count; start += batchSize)
        {
            var n = Math.Min(batchSize, data.Count - start);
            var images = data.Images.AsSpan(start * data.SampleSize, n * data.SampleSize).ToArray();
            body(new Tensor(n, data.Channels, data.Height, data.Width, images), start);
        }
    }

    private static QuantizedMatrix Matrix(ArchitectureSpec architecture, string name, int id, TileKind placement, MatrixGeometry geometry, MatrixShape shape,
        bool perOffsetAllowed, float[] weights, float[]? bias, InputStatistics stats)
    {
        var tiling = LayerMatrices.Tile(architecture, placement, shape, perOffsetAllowed);
        var mvmu = architecture.Tile(placement).Core.Mvmu;
        var analog = mvmu is AnalogMvmuSpec a ? AnalogArithmetic.Of(a) : null;
        return new QuantizedMatrix(name, id, placement, geometry, tiling, mvmu.WeightBits, mvmu.InputBits, analog, weights, bias, stats.MaxAbs, stats.AnyNegative);
    }

    private static MatrixGeometry Geometry(LayerSpec layer, TensorShape window) => layer.Kind == LayerKind.Conv
        ? new MatrixGeometry(window.Channels, window.Height, window.Width, layer.KernelHeight, layer.KernelWidth, layer.Stride, layer.Padding, layer.Groups,
            layer.OutChannels, layer.OutputShape.Height, layer.OutputShape.Width)
        : new MatrixGeometry(window.Channels, window.Height, window.Width, window.Height, window.Width, 1, 0, 1, layer.OutChannels, 1, 1);

    /// <summary>The batch norm that reads only this layer, which nothing else reads, with no activation between: foldable.</summary>
    internal static int? FoldableBatchNorm(WorkloadSpec workload, int index)
    {
        var layer = workload.Layers[index];
        if (layer.Activation != ActivationKind.None)
        {
            return null;
        }

        var readers = Enumerable.Range(0, workload.Layers.Length)
            .Where(j => workload.Layers[j].Inputs.Contains(layer.Name) || (workload.Layers[j].Inputs.IsDefaultOrEmpty && j == index + 1))
            .ToList();
        return readers is [var only] && workload.Layers[only].Kind == LayerKind.BatchNorm ? only : null;
    }

    /// <summary>W and b with a following batch norm folded in: W'·x + b' = γ·(W·x + b - mean)/√(var + ε) + β; and the per-output scale γ/√(var + ε).</summary>
    internal static (float[] Weights, float[]? Bias, float[] OutScale) Folded(FunctionalNetwork network, LayerSpec layer, LayerSpec? batchNorm)
    {
        var w = network.Parameter(layer.Name + ".weight").Value;
        var bias = layer.Bias ? network.Parameter(layer.Name + ".bias").Value : null;
        var outs = layer.OutChannels;
        var scale = Enumerable.Repeat(1f, outs).ToArray();
        if (batchNorm is null)
        {
            return (w, bias, scale);
        }

        var gamma = network.Parameter(batchNorm.Name + ".weight").Value;
        var beta = network.Parameter(batchNorm.Name + ".bias").Value;
        var mean = network.Parameter(batchNorm.Name + ".running_mean").Value;
        var variance = network.Parameter(batchNorm.Name + ".running_var").Value;
        var folded = new float[w.Length];
        var foldedBias = new float[outs];
        var perOut = w.Length / outs;
        for (var o = 0; o < outs; o++)
        {
            var s = (float)(gamma[o] / Math.Sqrt(variance[o] + BatchNormLayer.Epsilon));
            scale[o] = s;
            for (var k = 0; k < perOut; k++)
            {
                folded[(o * perOut) + k] = w[(o * perOut) + k] * s;
            }

            foldedBias[o] = (((bias?[o] ?? 0f) - mean[o]) * s) + beta[o];
        }

        return (folded, foldedBias, scale);
    }

    /// <summary>Input statistics of a branch's B: A's float output over the calibration batch.</summary>
    private static InputStatistics BranchStatistics(FunctionalNetwork network, Dataset calibration, int batchSize, int layerIndex, QuantizedMatrix a)
    {
        var stats = new InputStatistics();
        var floatWeights = Enumerable.Range(0, a.Tiling.ColumnBlocks.Length).Select(b => a.BlockMatrix(b, k => k < 0 ? 0.0 : a.Weights[k])).ToArray();
        var layers = new Dictionary<int, Action<Tensor>>
        {
            [layerIndex] = x =>
            {
                var y = new float[x.N * a.Geometry.OutputSize];
                MatrixKernel.Linear(a, floatWeights, null, 0, x.Data, x.N, 0, 1.0, y);
                stats.Add(y);
            },
        };
        ForEachBatch(calibration, batchSize, (input, _) => network.Forward(input, ForwardMode.Inference, new Recorder(null, layers)));
        return stats;
    }

    private static float[] Quantize(Tensor x, QuantizedMatrix m)
    {
        var q = new float[x.Length];
        var data = x.Data;
        for (var i = 0; i < q.Length; i++)
        {
            q[i] = FixedPoint.QuantizeInput(data[i], m.InputScale, m.SignedInput, m.InputBits);
        }

        return q;
    }

    private void Run(QuantizedMatrix m, FixedPointChip chip, InferencePath path, Tensor x, long sampleBase, float[] y)
    {
        if (_floatBranches && m.Placement == TileKind.Digital && (m.Name.EndsWith(".A", StringComparison.Ordinal) || m.Name.EndsWith(".B", StringComparison.Ordinal)))
        {
            var blocks = Enumerable.Range(0, m.Tiling.ColumnBlocks.Length).Select(b => m.BlockMatrix(b, k => k < 0 ? 0.0 : m.Weights[k])).ToArray();
            MatrixKernel.Linear(m, blocks, null, 0, x.Data, x.N, 0, 1.0, y);
            return;
        }

        var programmed = chip.Matrices[m];
        var xq = Quantize(x, m);
        if (path == InferencePath.Exact && m.Analog is not null)
        {
            MatrixKernel.Exact(programmed, chip.NoiseSeed, xq, x.N, sampleBase, y);
        }
        else
        {
            MatrixKernel.Linear(m, programmed.Effective, programmed.OutputNoiseSigma, chip.NoiseSeed, xq, x.N, sampleBase, m.WeightScale * m.InputScale, y, programmed.Tables);
        }
    }

    private Tensor RunLayer(WeightLayerPlan plan, FixedPointChip chip, InferencePath path, Tensor x, long sampleBase)
    {
        var shape = plan.Layer.OutputShape;
        var output = new Tensor(x.N, shape.Channels, shape.Height, shape.Width);
        Run(plan.Main, chip, path, x, sampleBase, output.Data);
        if (plan.BranchA is { } a && plan.BranchB is { } b)
        {
            var hidden = new Tensor(x.N, a.Geometry.OutChannels, a.Geometry.OutHeight, a.Geometry.OutWidth);
            Run(a, chip, path, x, sampleBase, hidden.Data);
            var branch = new float[output.Length];
            Run(b, chip, path, hidden, sampleBase, branch);
            for (var k = 0; k < branch.Length; k++)
            {
                output.Data[k] += branch[k];
            }
        }

        Activations.Apply(plan.Layer.Activation, output.Data);
        return output;
    }

    /// <summary>Records each weight layer's input statistics (and hands inputs to extra observers) during a float pass.</summary>
    private sealed class Recorder(Dictionary<int, InputStatistics>? statistics, Dictionary<int, Action<Tensor>>? inputs) : ILayerInterceptor
    {
        public Tensor? Intercept(LayerSpec layer, int index, IReadOnlyList<Tensor> layerInputs)
        {
            if (layer.HasWeights)
            {
                if (statistics is not null)
                {
                    if (!statistics.TryGetValue(index, out var s))
                    {
                        statistics[index] = s = new InputStatistics();
                    }

                    s.Add(layerInputs[0].Data);
                }

                if (inputs is not null && inputs.TryGetValue(index, out var see))
                {
                    see(layerInputs[0]);
                }
            }

            return null;
        }

        public void Observe(LayerSpec layer, int index, IReadOnlyList<Tensor> layerInputs, Tensor output)
        {
        }
    }

    /// <summary>Replaces weight layers by their fixed-point matrices and folded batch norms by the identity.</summary>
    private sealed class Executor(FixedPointModel model, FixedPointChip chip, InferencePath path, long sampleBase, Action<int, Tensor>? observe,
        Action<int, Tensor>? observeLayer) : ILayerInterceptor
    {
        private readonly Dictionary<int, int> _position = model.Layers.Select((l, k) => (l, k)).ToDictionary(p => p.l.Index, p => p.k);

        public Tensor? Intercept(LayerSpec layer, int index, IReadOnlyList<Tensor> inputs)
        {
            if (model._byIndex.TryGetValue(index, out var plan))
            {
                return model.RunLayer(plan, chip, path, inputs[0], sampleBase);
            }

            return model._folded.Contains(index) ? inputs[0] : null;
        }

        public void Observe(LayerSpec layer, int index, IReadOnlyList<Tensor> inputs, Tensor output)
        {
            observeLayer?.Invoke(index, output);
            if (observe is null)
            {
                return;
            }

            // A weight layer's output is observed after its folded batch norm, where the float model has the same tensor.
            var owner = model._byIndex.TryGetValue(index, out var plan) && plan.FoldedBatchNorm is null ? index
                : model.Layers.FirstOrDefault(l => l.FoldedBatchNorm == index)?.Index;
            if (owner is { } o)
            {
                observe(_position[o], output);
            }
        }
    }
}
