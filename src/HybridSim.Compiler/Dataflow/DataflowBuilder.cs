using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Compiler.Mapping;
using HybridSim.Compiler.Partitioning;
using HybridSim.Compiler.Placement;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Dataflow;

/// <summary>
/// Turns the layer graph into placed operations: batch-norm (folded) and flatten are free; an activation whose input
/// has no other reader is fused into its producer; weight layers become matrix operations on MVMUs (plus the LoBranch
/// A and B on digital tiles); residual adds, pooling and other activations become vector operations. Cores are handed
/// out in layer order, filling a tile before opening the next, so consecutive layers are neighbours on the mesh.
/// </summary>
internal sealed class DataflowBuilder
{
    private readonly ArchitectureSpec _arch;
    private readonly WorkloadSpec _workload;
    private readonly ImmutableArray<LayerPartition?> _plan;
    private readonly DataflowGraph _graph = new();
    private readonly Dictionary<string, Tensor> _tensorOf = new(StringComparer.Ordinal);
    private readonly Dictionary<Tensor, Operation> _producer = [];
    private readonly List<SpecError> _errors = [];

    private readonly CorePlacer _placer;

    private DataflowBuilder(ArchitectureSpec arch, WorkloadSpec workload, ImmutableArray<LayerPartition?> plan, IReadOnlyDictionary<string, double> memoryBudgets)
    {
        _arch = arch;
        _placer = new CorePlacer(arch, _graph.TileKinds, memoryBudgets);
        _workload = workload;
        _plan = plan;
    }

    /// <param name="memoryBudgets">Per operation name, the share of a tile's shared memory the estimated input rings of
    /// its cores may take before the next core goes to a new tile (the rest is left for partial sums, send rings and
    /// rings that grow); <see cref="CorePlacer.DefaultMemoryBudget"/> for operations not listed.</param>
    public static DataflowGraph Build(ArchitectureSpec arch, WorkloadSpec workload, ImmutableArray<LayerPartition?> plan, IReadOnlyDictionary<string, double> memoryBudgets) =>
        new DataflowBuilder(arch, workload, plan, memoryBudgets).Build();

    private DataflowGraph Build()
    {
        var shape = _workload.InputShape;
        var firstKind = _plan.FirstOrDefault(p => p is not null)?.Placement ?? TileKind.Analog;
        _graph.Input = NewTensor("input", shape.Channels, shape.Height, shape.Width, -1, firstKind);
        _graph.Input.IsNetworkInput = true;
        _tensorOf["input"] = _graph.Input;
        var uses = CountUses();

        for (var i = 0; i < _workload.Layers.Length; i++)
        {
            var layer = _workload.Layers[i];
            var input = layer.Inputs.IsDefaultOrEmpty ? _graph.Input : _tensorOf[layer.Inputs[0]];
            switch (layer.Kind)
            {
                case LayerKind.BatchNorm:
                case LayerKind.Flatten:
                    _tensorOf[layer.Name] = input;
                    break;
                case LayerKind.Conv:
                case LayerKind.Fc:
                    _tensorOf[layer.Name] = AddWeightLayer(i, layer, input);
                    break;
                case LayerKind.Activation:
                    if (_producer.TryGetValue(input, out var producer) && producer.Activation == ActivationKind.None
                        && uses.GetValueOrDefault(input.Name) == 1)
                    {
                        producer.Activation = layer.Activation;
                        _tensorOf[layer.Name] = input;
                    }
                    else
                    {
                        _tensorOf[layer.Name] = AddVector(i, layer, VectorKind.Activation, [input], input.Channels, input.Height, input.Width, layer.Activation);
                    }

                    break;
                case LayerKind.Add:
                    _tensorOf[layer.Name] = AddVector(i, layer, VectorKind.Add, [.. layer.Inputs.Select(n => _tensorOf[n])], layer.OutputShape.Channels, layer.OutputShape.Height, layer.OutputShape.Width, ActivationKind.None);
                    break;
                case LayerKind.MaxPool:
                case LayerKind.AvgPool:
                case LayerKind.GlobalAvgPool:
                    var kind = layer.Kind switch
                    {
                        LayerKind.MaxPool => VectorKind.MaxPool,
                        LayerKind.AvgPool => VectorKind.AvgPool,
                        _ => VectorKind.GlobalAvgPool,
                    };
                    _tensorOf[layer.Name] = AddVector(i, layer, kind, [input], layer.OutputShape.Channels, layer.OutputShape.Height, layer.OutputShape.Width, ActivationKind.None);
                    break;
                default:
                    throw new InvalidOperationException($"layer kind {layer.Kind} is not supported by the compiler");
            }
        }

        if (_errors.Count > 0)
        {
            throw new SpecException(_errors);
        }

        _graph.Output = _tensorOf[_workload.Layers[^1].Name];
        _errors.AddRange(_placer.TileCountErrors(_workload.Name));
        if (_errors.Count > 0)
        {
            throw new SpecException(_errors);
        }
        return _graph;
    }

    /// <summary>Readers of each layer's output once free layers (batch-norm, flatten) are seen through, by producer name.</summary>
    private Dictionary<string, int> CountUses()
    {
        var canonical = new Dictionary<string, string>(StringComparer.Ordinal) { ["input"] = "input" };
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var layer in _workload.Layers)
        {
            var inputs = layer.Inputs.IsDefaultOrEmpty ? ["input"] : layer.Inputs;
            if (layer.Kind is LayerKind.BatchNorm or LayerKind.Flatten)
            {
                canonical[layer.Name] = canonical[inputs[0]];
                continue;
            }

            canonical[layer.Name] = layer.Name;
            foreach (var name in inputs)
            {
                var c = canonical[name];
                uses[c] = uses.GetValueOrDefault(c) + 1;
            }
        }

        return uses;
    }

    private Tensor AddWeightLayer(int index, LayerSpec layer, Tensor input)
    {
        var partition = _plan[index] ?? throw new InvalidOperationException($"no partition for weight layer {layer.Name}");
        var isConv = layer.Kind == LayerKind.Conv;
        var (stride, padding) = isConv ? (layer.Stride, layer.Padding) : (1, 0);
        var outShape = layer.OutputShape;
        var outH = isConv ? outShape.Height : 1;
        var outW = isConv ? outShape.Width : 1;
        var shape = LayerMatrices.Main(layer, new TensorShape(input.Channels, input.Height, input.Width));
        if (shape.Rows != layer.MatrixRows)
        {
            throw new InvalidOperationException($"layer {layer.Name}: window of {shape.Rows} rows does not match its {layer.MatrixRows} matrix rows");
        }

        var output = NewTensor(layer.Name, layer.OutChannels, outH, outW, index, partition.Placement);
        // per-offset is a convolution mapping; a fully connected layer is tiled as a plain matrix.
        var main = AddMatrix(index, layer.Name, partition.Placement, output, input, shape, stride, padding, layer.Bias, isConv ? _arch.ConvMapping : ConvMappingPolicy.Im2Col);
        main.Activation = layer.Activation;
        if (partition.BranchRank > 0)
        {
            var rank = partition.BranchRank;
            var a = NewTensor(layer.Name + ".A", rank, outH, outW, index, TileKind.Digital);
            AddMatrix(index, layer.Name + ".A", TileKind.Digital, a, input, LayerMatrices.BranchA(layer, new TensorShape(input.Channels, input.Height, input.Width), rank), stride, padding, false, ConvMappingPolicy.Im2Col);
            var b = NewTensor(layer.Name + ".B", layer.OutChannels, outH, outW, index, TileKind.Digital);
            AddMatrix(index, layer.Name + ".B", TileKind.Digital, b, a, LayerMatrices.BranchB(layer, rank), 1, 0, false, ConvMappingPolicy.Im2Col);
            main.Addend = b;
            for (var j = 0; j < main.Tiling.ColumnBlocks.Length; j++)
            {
                var block = main.Tiling.ColumnBlocks[j];
                b.AddReader(main.Cores[main.Reducers[j]], new Reader(outH, outW, 1, 0, [new InputSegment(0, 0, block.OutStart, block.OutCount, 0)]));
            }
        }

        _producer[output] = main;
        return output;
    }

    private MatrixOperation AddMatrix(int index, string name, TileKind kind, Tensor output, Tensor input, MatrixShape shape, int stride, int padding, bool bias, ConvMappingPolicy policy)
    {
        var tile = _arch.Tile(kind);
        var tiling = LayerMatrices.Tile(_arch, kind, shape, policy == ConvMappingPolicy.PerOffset);
        var op = new MatrixOperation(index, name, kind, output, input, tiling, stride, padding, bias);
        var perCore = tile.Core.Mvmus;
        var slots = new List<(int Block, int Row)>();
        for (var j = 0; j < tiling.ColumnBlocks.Length; j++)
        {
            for (var r = 0; r < tiling.ColumnBlocks[j].RowBlocks.Length; r++)
            {
                slots.Add((j, r));
            }
        }

        var groups = CorePlacer.CoreGroups(tile, tiling, slots);
        int RingWords(int k) => CorePlacer.RingEstimate(input, new Reader(output.Height, output.Width, stride, padding,
            [.. slots.Skip(groups[k].Start).Take(groups[k].Count).SelectMany(x => tiling.ColumnBlocks[x.Block].RowBlocks[x.Row].Segments)]));
        if (_placer.TryShareSramCore(op, tile, groups, tiling, bias, RingWords) is { } shared)
        {
            groups[0] = shared;
        }
        else
        {
            _placer.Allocate(op, groups.Count, RingWords);
            _placer.OpenSramCore(op, tile, groups, tiling, bias);
        }

        op.Chains = [.. tiling.ColumnBlocks.Select(_ => new List<int>())];
        for (var core = 0; core < groups.Count; core++)
        {
            var (start, count, coreMacros, coreBlocks) = groups[core];
            op.Cores[core].SramMacros = coreMacros;
            op.Cores[core].SramBlocks.AddRange(coreBlocks);
            for (var s = start; s < start + count; s++)
            {
                var block = slots[s].Block;
                op.Cores[core].Mvmus.Add(new MvmuSlot(op.Cores[core].LocalBase + s - start, block, slots[s].Row));
                if (op.Chains[block].Count == 0 || op.Chains[block][^1] != core)
                {
                    op.Chains[block].Add(core);
                }
            }
        }

        // A column block's partial sums flow down its chain of cores; the last one finishes the block.
        op.Reducers = [.. op.Chains.Select(c => c[^1])];

        var outH = output.Height;
        var outW = output.Width;
        for (var k = 0; k < op.Cores.Count; k++)
        {
            var core = op.Cores[k];
            // One load stream per distinct row block of the core (MVMUs of other column blocks with the same rows get a copy).
            foreach (var rows in DistinctRowBlocks(op, core))
            {
                input.AddReader(core, new Reader(outH, outW, stride, padding, [.. rows]));
            }

            foreach (var j in core.Mvmus.Select(m => m.ColumnBlock).Distinct())
            {
                if (op.Reducers[j] == k)
                {
                    continue;
                }

                var block = tiling.ColumnBlocks[j];
                var next = op.Chains[j][op.Chains[j].IndexOf(k) + 1];
                var partial = NewTensor(string.Create(CultureInfo.InvariantCulture, $"{name}.partial{j}.core{k}"), block.OutCount, outH, outW, index, kind);
                partial.Homes.Add(new HomeSegment(core.Tile, 0, block.OutCount));
                partial.AddReader(op.Cores[next], new Reader(outH, outW, 1, 0, [new InputSegment(0, 0, 0, block.OutCount, 0)]));
                op.Partials[(j, k)] = partial;
            }
        }

        foreach (var (j, block) in tiling.ColumnBlocks.Select((b, j) => (j, b)))
        {
            output.Homes.Add(new HomeSegment(op.Cores[op.Reducers[j]].Tile, block.OutStart, block.OutCount));
        }

        CheckRegisters(op, tile);
        _graph.Operations.Add(op);
        // Dense SRAM-CIM packing: utilization is over the macros the blocks fill, not over the MVMU slots.
        int? macros = groups.All(g => g.Macros is not null) ? groups.Sum(g => g.Macros!.Value) : null;
        _graph.Mappings.Add(new LayerMapping(
            index,
            name,
            kind,
            tiling.Rows,
            tiling.Cols,
            tiling.Mvmus,
            (long)tiling.Mvmus * outH * outW,
            macros is { } m ? tiling.WeightsHeld / ((double)m * tiling.MvmuRows * tiling.MvmuCols) : tiling.Utilization,
            [.. op.Cores.Select(c => c.Tile).Distinct().Order()])
        {
            SramMacros = macros,
        });
        return op;
    }

    /// <summary>The distinct row blocks a core's MVMUs hold, in MVMU order.</summary>
    public static IEnumerable<ImmutableArray<InputSegment>> DistinctRowBlocks(MatrixOperation op, CoreSlot core)
    {
        var seen = new HashSet<ImmutableArray<InputSegment>>();
        foreach (var m in core.Mvmus)
        {
            var rows = op.Tiling.ColumnBlocks[m.ColumnBlock].RowBlocks[m.RowBlock].Segments;
            if (seen.Add(rows))
            {
                yield return rows;
            }
        }
    }

    private Tensor AddVector(int index, LayerSpec layer, VectorKind kind, IReadOnlyList<Tensor> inputs, int channels, int height, int width, ActivationKind activation)
    {
        var tileKind = inputs[0].Kind;
        var output = NewTensor(layer.Name, channels, height, width, index, tileKind);
        var op = new VectorOperation(index, layer.Name, tileKind, output, kind, inputs)
        {
            KernelHeight = kind == VectorKind.GlobalAvgPool ? inputs[0].Height : kind is VectorKind.MaxPool or VectorKind.AvgPool ? layer.KernelHeight : 1,
            KernelWidth = kind == VectorKind.GlobalAvgPool ? inputs[0].Width : kind is VectorKind.MaxPool or VectorKind.AvgPool ? layer.KernelWidth : 1,
            Stride = kind is VectorKind.MaxPool or VectorKind.AvgPool ? layer.Stride : 1,
            Padding = kind is VectorKind.MaxPool or VectorKind.AvgPool ? layer.Padding : 0,
            PadShortcut = layer.PadShortcut,
        };
        op.Activation = activation;
        var tile = _arch.Tile(tileKind);
        op.Chunk = Math.Max(1, Math.Min(channels, tile.Core.RegisterFileWords / 2));
        var chunks = Chunks(channels, op.Chunk).ToArray();
        _placer.Allocate(op, 1, _ =>
        {
            var window = new List<InputSegment>();
            for (var ky = 0; ky < op.KernelHeight; ky++)
            {
                for (var kx = 0; kx < op.KernelWidth; kx++)
                {
                    window.Add(new InputSegment(ky, kx, 0, inputs[0].Channels, 0));
                }
            }

            // A residual shortcut waits for the block's convolutions: about two rows of it are buffered.
            var shortcut = inputs.Skip(1).Sum(t => 2 * t.Width * t.Channels);
            return CorePlacer.RingEstimate(inputs[0], new Reader(height, width, op.Stride, op.Padding, [.. window])) + shortcut;
        });
        var core = op.Cores[0];
        if (kind == VectorKind.Add)
        {
            inputs[0].AddReader(core, new Reader(height, width, 1, 0, [.. chunks.Select(c => new InputSegment(0, 0, c.Start, c.Length, 0))]));
            foreach (var other in inputs.Skip(1))
            {
                var ratio = op.PadShortcut ? Math.Max(1, other.Height / height) : 1;
                var segments = chunks
                    .Select(c => (c.Start, Length: Math.Min(c.Start + c.Length, other.Channels) - c.Start))
                    .Where(c => c.Length > 0)
                    .Select(c => new InputSegment(0, 0, c.Start, c.Length, 0))
                    .ToArray();
                other.AddReader(core, new Reader(height, width, ratio, 0, segments));
            }
        }
        else
        {
            var segments = new List<InputSegment>();
            for (var ky = 0; ky < op.KernelHeight; ky++)
            {
                for (var kx = 0; kx < op.KernelWidth; kx++)
                {
                    segments.AddRange(chunks.Select(c => new InputSegment(ky, kx, c.Start, c.Length, 0)));
                }
            }

            inputs[0].AddReader(core, new Reader(height, width, op.Stride, op.Padding, [.. segments]));
        }

        output.Homes.Add(new HomeSegment(core.Tile, 0, channels));
        _graph.Operations.Add(op);
        _producer[output] = op;
        return output;
    }

    public static IEnumerable<(int Start, int Length)> Chunks(int channels, int chunk)
    {
        for (var c = 0; c < channels; c += chunk)
        {
            yield return (c, Math.Min(chunk, channels - c));
        }
    }

    private void CheckRegisters(MatrixOperation op, TileSpec tile)
    {
        for (var k = 0; k < op.Cores.Count; k++)
        {
            var need = op.Cores[k].DataOffset + RegisterLayout.DataWordsNeeded(op, k);
            if (need > tile.Core.RegisterFileWords)
            {
                _errors.Add(new SpecError(_arch.SourceFile, 0, 0, $"tiles.{Lower(op.Kind)}.core.register_file_words",
                    string.Create(CultureInfo.InvariantCulture, $"layer '{op.Name}' needs {need} data registers on a core (partial sums, bias), but the register file holds {tile.Core.RegisterFileWords} words")));
                return;
            }
        }
    }

    private Tensor NewTensor(string name, int channels, int height, int width, int layer, TileKind kind)
    {
        var tensor = new Tensor(_graph.Tensors.Count, name, channels, height, width, layer, kind);
        _graph.Tensors.Add(tensor);
        return tensor;
    }

    private static string Lower(TileKind kind) => kind.ToString().ToLowerInvariant();
}
