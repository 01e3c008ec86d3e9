using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Compiler.Dataflow;
using HybridSim.Compiler.Isa;
using HybridSim.Compiler.Partitioning;
using HybridSim.Compiler.Scheduling;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler;

/// <summary>
/// Compiles a workload for an architecture under a partition: maps weight matrices onto MVMUs, places them on cores and
/// tiles, and emits per-core and per-tile programs whose dataflow is synchronised by shared-memory valid bits.
/// </summary>
public static class ProgramCompiler
{
    /// <exception cref="SpecException">The partition is invalid for the workload, or the mapping needs more than a fixed
    /// capacity of the architecture (tiles, shared memory, register file).</exception>
    public static CompiledProgram Compile(ArchitectureSpec architecture, WorkloadSpec workload, PartitionSpec partition)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(partition);
        var plan = PartitionPlanner.Plan(architecture, workload, partition);
        var graph = DataflowBuilder.Build(architecture, workload, plan);
        var coresPerTile = graph.TileKinds.Select(k => architecture.Tile(k).Cores).ToArray();
        var memoryWords = graph.TileKinds.Select(k => architecture.Tile(k).SharedMemoryWords).ToArray();
        var routers = (graph.TileKinds.Count + architecture.Noc.Concentration - 1) / Math.Max(1, architecture.Noc.Concentration);
        var meshWidth = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(routers)));
        var scheduler = new ProgramScheduler(graph, coresPerTile, memoryWords, new CostEstimate(architecture), meshWidth);
        scheduler.Run();
        var warnings = SharedMemoryWarnings(architecture, graph, scheduler);

        var tiles = ImmutableArray.CreateBuilder<TileProgram>(graph.TileKinds.Count);
        for (var t = 0; t < graph.TileKinds.Count; t++)
        {
            var cores = scheduler.CorePrograms[t].Select((p, c) => new CoreProgram(t, c, [.. p])).ToImmutableArray();
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
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Activation rings should fit the tile's shared memory. The network input is staged in the input tile before the
    /// run (as PUMA's input.npy is) and is not counted. Rings are sized by the emitting schedule and can exceed the
    /// eDRAM on large inputs (ResNet-18 at 224×224 on PUMA's 64 KiB); the simulation sizes memory to what the program
    /// uses, so this is reported as a warning, not an error (docs/model.md).
    /// </summary>
    private static ImmutableArray<string> SharedMemoryWarnings(ArchitectureSpec architecture, DataflowGraph graph, ProgramScheduler scheduler)
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
                    $"tile {t} ({lower}) needs {scheduler.RingWords[t]} words of shared memory for its activation rings, more than the {capacity} words it holds")));
            }
        }

        return [.. errors.Select(e => e.ToString())];
    }
}
