using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Compiler.Dataflow;
using HybridSim.Compiler.Partitioning;
using HybridSim.Compiler.Placement;
using HybridSim.Compiler.Scheduling;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Resources;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler;

/// <summary>
/// Compiles a workload for an architecture under a partition: maps weight matrices onto MVMUs, places them on cores and
/// tiles, and emits per-core and per-tile programs whose dataflow is synchronised by shared-memory valid bits.
/// </summary>
public static class ProgramCompiler
{
    private const int PlacementAttempts = 5;

    /// <exception cref="SpecException">The partition is invalid for the workload, or the mapping needs more than a fixed
    /// capacity of the architecture (tiles, shared memory, register file).</exception>
    public static CompiledProgram Compile(ArchitectureSpec architecture, WorkloadSpec workload, PartitionSpec partition)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(partition);
        var plan = PartitionPlanner.Plan(architecture, workload, partition);

        // Before anything proportional to the program is allocated: a point too large to compile and simulate in
        // this process's memory (or over the instruction limit) is refused with its estimate.
        RunFootprint.Check(architecture, workload, [.. plan.Select(p => p is null ? ((TileKind, int)?)null : (p.Placement, p.BranchRank))]);

        // Place, emit, and check the rings against shared memory; the operations on a tile that overflows are placed
        // again with fewer cores per tile. What still does not fit (or would need more tiles than a fixed count) is an error.
        DataflowGraph? graph = null;
        ProgramScheduler? scheduler = null;
        var meshWidth = 1;
        List<SpecError> overflows = [];
        var budgets = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < PlacementAttempts; attempt++)
        {
            DataflowGraph candidate;
            try
            {
                candidate = DataflowBuilder.Build(architecture, workload, plan, budgets);
            }
            catch (SpecException) when (graph is not null)
            {
                break;
            }

            graph = candidate;
            var coresPerTile = graph.TileKinds.Select(k => architecture.Tile(k).Cores).ToArray();
            var memoryWords = graph.TileKinds.Select(k => architecture.Tile(k).SharedMemoryWords).ToArray();
            var mesh = MeshLayout.For(architecture.Noc, graph.TileKinds.Count);
            meshWidth = mesh.Width;
            scheduler = new ProgramScheduler(graph, coresPerTile, memoryWords, new CostEstimate(architecture, mesh));
            scheduler.Run();
            overflows = SharedMemoryOverflows(architecture, workload, graph, scheduler);
            if (overflows.Count == 0)
            {
                break;
            }

            var full = Enumerable.Range(0, graph.TileKinds.Count).Where(t => scheduler.RingWords[t] > architecture.Tile(graph.TileKinds[t]).SharedMemoryWords).ToHashSet();
            foreach (var op in graph.Operations.Where(o => o.Cores.Any(c => full.Contains(c.Tile))))
            {
                budgets[op.Name] = budgets.GetValueOrDefault(op.Name, CorePlacer.DefaultMemoryBudget) * CorePlacer.MemoryBudgetRetryFactor;
            }
        }

        if (overflows.Count > 0)
        {
            throw new SpecException(overflows);
        }

        if (graph is null || scheduler is null)
        {
            // The first attempt either places or throws, so at least one attempt always leaves both.
            throw new InvalidOperationException("no placement attempt ran");
        }

        // Dense SRAM-CIM packing: the macros each core's blocks fill (a core of such a tile that holds no matrix has none).
        // A core that several small matrices share holds each one's blocks from its LocalBase on, in the macros they fill together.
        var packed = graph.Operations.SelectMany(o => o.Cores).Where(c => c.SramMacros is not null).GroupBy(c => (c.Tile, c.Core)).ToList();
        var macros = packed.ToDictionary(g => g.Key, g => g.SelectMany(c => c.SramBlocks).Select(b => b.Macro + 1).DefaultIfEmpty(0).Max());
        var sramBlocks = packed.Where(g => g.Any(c => c.SramBlocks.Count > 0)).ToDictionary(g => g.Key, g =>
        {
            var slots = new SramBlock[g.Max(c => c.LocalBase + c.SramBlocks.Count)];
            foreach (var c in g)
            {
                c.SramBlocks.CopyTo(slots, c.LocalBase);
            }

            return slots.ToImmutableArray();
        });
        int? DenseIdle(int tile) => architecture.Tile(graph.TileKinds[tile]).Core.Mvmu is DigitalMvmuSpec { MacrosPerCore: not null } ? 0 : null;
        var tiles = ImmutableArray.CreateBuilder<TileProgram>(graph.TileKinds.Count);
        for (var t = 0; t < graph.TileKinds.Count; t++)
        {
            var tile = t;
            var cores = scheduler.CorePrograms[t]
                .Select((p, c) => new CoreProgram(tile, c, [.. p])
                {
                    SramMacros = macros.TryGetValue((tile, c), out var n) ? n : DenseIdle(tile),
                    SramBlocks = sramBlocks.GetValueOrDefault((tile, c), []),
                })
                .ToImmutableArray();
            tiles.Add(new TileProgram(
                t,
                graph.TileKinds[t],
                [.. scheduler.EnginePrograms[t]],
                cores,
                t == scheduler.InputTile ? scheduler.InputRanges : []));
        }

        return new CompiledProgram(
            architecture,
            workload,
            partition,
            tiles.MoveToImmutable(),
            meshWidth,
            scheduler.InputTile,
            scheduler.OutputTile,
            [.. graph.Mappings])
        {
            WeightBlocks = WeightBlocks(graph),
            ClampedLayers = PartitionPlanner.ClampedLayers(workload, plan),
        };
    }

    /// <summary>The block of a matrix each MVMU of each core holds, from the placement (MVMU slot: column block, row block).</summary>
    private static ImmutableArray<WeightBlock> WeightBlocks(DataflowGraph graph)
    {
        var blocks = ImmutableArray.CreateBuilder<WeightBlock>();
        foreach (var op in graph.Operations.OfType<MatrixOperation>())
        {
            foreach (var core in op.Cores)
            {
                foreach (var slot in core.Mvmus)
                {
                    var column = op.Tiling.ColumnBlocks[slot.ColumnBlock];
                    var rows = column.RowBlocks[slot.RowBlock];
                    blocks.Add(new WeightBlock(core.Tile, core.Core, slot.Local, op.LayerIndex, op.Name, op.Kind, rows.Rows, column.OutCount, rows.WeightsHeld));
                }
            }
        }

        return blocks.ToImmutable();
    }

    /// <summary>
    /// Activation rings must fit the tile's shared memory. The network input is staged in the input tile before the run
    /// (as PUMA's input.npy is) and is not counted.
    /// </summary>
    private static List<SpecError> SharedMemoryOverflows(ArchitectureSpec architecture, WorkloadSpec workload, DataflowGraph graph, ProgramScheduler scheduler)
    {
        var errors = new List<SpecError>();
        for (var t = 0; t < graph.TileKinds.Count; t++)
        {
            var kind = graph.TileKinds[t];
            var capacity = architecture.Tile(kind).SharedMemoryWords;
            if (scheduler.RingWords[t] > capacity)
            {
                var lower = kind.ToString().ToLowerInvariant();
                errors.Add(new SpecError(architecture.SourceFile, 0, 0, $"tiles.{lower}.shared_memory", string.Create(
                    CultureInfo.InvariantCulture,
                    $"{workload.Name}: tile {t} ({lower}) needs {scheduler.RingWords[t]} words of shared memory for its activation rings, but holds {capacity} words; enlarge shared_memory, or let the tile count grow (count: auto)")));
            }
        }

        return errors;
    }
}
