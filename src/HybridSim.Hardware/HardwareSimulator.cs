using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Activity;
using HybridSim.Hardware.Network;
using HybridSim.Hardware.Tiles;
using HybridSim.Isa;
using HybridSim.Kernel;
using HybridSim.Specs.Architecture;

namespace HybridSim.Hardware;

/// <summary>Runs a compiled program on the timed hardware models and returns what happened (no energy: see Metrics).</summary>
public static class HardwareSimulator
{
    /// <exception cref="HybridSim.Specs.Validation.SpecException">A duration or the whole run does not fit the 64-bit picosecond clock.</exception>
    /// <exception cref="DeadlockException">The program can never finish.</exception>
    public static SimulationResult Run(CompiledProgram program, SimulationOptions? options = null)
    {
        options ??= new SimulationOptions();
        if (options.Batch < 1 || options.Batch > SimulationOptions.MaxBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Batch, $"batch must be from 1 to {SimulationOptions.MaxBatch}");
        }

        // The project compiles with overflow checking: a time or count that passes 64 bits throws here instead of
        // wrapping (a negative cycle count), inside a process (the kernel wraps it) or after the run.
        try
        {
            return RunChecked(program, options);
        }
        catch (OverflowException)
        {
            throw Cycles.Overflow(program.Architecture.SourceFile);
        }
        catch (SimulationException e) when (e.InnerException is OverflowException or ArgumentOutOfRangeException { ParamName: "delay" })
        {
            throw Cycles.Overflow(program.Architecture.SourceFile);
        }
    }

    private static SimulationResult RunChecked(CompiledProgram program, SimulationOptions options)
    {

        var architecture = program.Architecture;
        var sim = new Simulation();
        var ledger = new ActivityLedger(program.Workload.Layers.Length, architecture.CyclePicoseconds);
        var node = new NodeModel(sim, ledger, options.Trace, options.Batch);
        var templates = new Dictionary<TileKind, TileTemplate>();
        TileTemplate Template(TileKind kind)
        {
            if (!templates.TryGetValue(kind, out var template))
            {
                template = new TileTemplate(architecture, architecture.Tile(kind), ledger);
                templates.Add(kind, template);
            }

            return template;
        }

        var tiles = new TileModel[program.Tiles.Length];
        var maxWords = 0;
        for (var i = 0; i < tiles.Length; i++)
        {
            var tp = program.Tiles[i];
            if (tp.Tile != i)
            {
                throw new InvalidOperationException($"compiled program: Tiles[{i}] holds tile {tp.Tile}");
            }

            var words = tp.SharedMemoryWordsUsed();
            maxWords = Math.Max(maxWords, words);
            tiles[i] = new TileModel(node, Template(tp.Kind), tp, words);
        }

        node.Tiles = tiles;
        node.Noc = new NocModel(sim, architecture, tiles.Length, program.MeshWidth, ledger, options.Trace);

        foreach (var tile in tiles)
        {
            foreach (var core in tile.Cores)
            {
                sim.Process(core.Run());
            }

            sim.Process(tile.Run());
            if (options.Batch > 1 && !tile.Program.InitiallyValid.IsEmpty)
            {
                sim.Process(FeedInputs(node, tile));
            }
        }

        sim.Run();

        var blocked = Blocked(tiles);
        if (blocked.Length > 0)
        {
            throw new DeadlockException(sim.Now, blocked);
        }

        var end = tiles.Length == 0 ? 0 : tiles.Max(t => t.HaltTime);
        ledger.EndPicoseconds = end;
        foreach (var e in node.InferenceEnds)
        {
            ledger.AddInferenceEnd(e);
        }

        // Routers serving used tiles and node-level components are powered for the whole run.
        ledger.AddPoweredTime(ActivityScope.Noc, TileKind.Analog, end * node.Noc.Routers);
        ledger.AddPoweredTime(ActivityScope.Node, TileKind.Analog, end * node.Noc.Nodes);

        var linkBusy = node.Noc.LinkBusyPicoseconds;
        ledger.AddBusy(UnitKind.Link, linkBusy);
        ledger.AddUnits(UnitKind.Link, node.Noc.Links);
        foreach (var tile in tiles)
        {
            var spec = tile.Template.Spec;
            ledger.AddBusy(UnitKind.SharedMemory, tile.Memory.BusyPicoseconds);
            ledger.AddUnits(UnitKind.SharedMemory, tile.Memory.Ports);
            ledger.AddUnits(UnitKind.Core, spec.Cores);
            ledger.AddUnits(UnitKind.Alu, spec.Cores);
            ledger.AddUnits(tile.Template.Mvmu.Unit, spec.Cores * spec.Core.Mvmus);
        }

        var cyclePs = architecture.CyclePicoseconds;
        var stats = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["noc_packets"] = node.Noc.Packets,
            ["noc_flit_hops"] = node.Noc.FlitHops,
            ["noc_routers"] = node.Noc.Routers,
            ["noc_links"] = node.Noc.Links,
            ["nodes"] = node.Noc.Nodes,
            ["max_shared_memory_words_used"] = maxWords,
            ["max_receive_fifo_occupancy"] = tiles.SelectMany(t => t.Fifos.Values).Select(f => f.MaxOccupancy).DefaultIfEmpty(0).Max(),
        };
        // The trace's own counts are not statistics of the run (a traced run must report what an untraced one does);
        // the caller holding the TraceRecorder reports them under the report's "simulator".
        return new SimulationResult(
            ledger,
            end,
            Cycles.FromPicoseconds(end, cyclePs),
            sim.ProcessedEvents,
            stats.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    /// <summary>Re-provides the input tile's initial data for each further inference once the previous copy is consumed.</summary>
    private static IEnumerable<Event> FeedInputs(NodeModel node, TileModel tile)
    {
        var mem = tile.Memory;
        for (var k = 1; k < node.Batch; k++)
        {
            foreach (var range in tile.Program.InitiallyValid)
            {
                int blocking;
                while ((blocking = mem.FirstValid(range.Address, range.Length)) >= 0)
                {
                    yield return mem.WaitOn(blocking);
                }

                mem.Produce(range.Address, range.Length, range.Consumers);
            }
        }
    }

    private static ImmutableArray<string> Blocked(TileModel[] tiles)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        var inv = CultureInfo.InvariantCulture;
        foreach (var tile in tiles)
        {
            foreach (var core in tile.Cores)
            {
                if (!core.Halted)
                {
                    lines.Add(string.Create(inv, $"tile {tile.Id} core {core.Index}: instruction {core.ProgramCounter} (inference {core.Iteration}) '{core.CurrentInstruction}' {Describe(core.Waiting, core.WaitingWord, tile)}"));
                }
            }

            if (!tile.Halted)
            {
                var what = tile.Waiting == WaitKind.CoresHalted
                    ? "waits for its cores to halt"
                    : Describe(tile.Waiting, tile.WaitingOn, tile);
                lines.Add(string.Create(inv, $"tile {tile.Id} engine: instruction {tile.ProgramCounter} (inference {tile.Iteration}) '{tile.CurrentInstruction?.ToString() ?? "end"}' {what}"));
            }
        }

        return lines.ToImmutable();
    }

    private static string Describe(WaitKind kind, int on, TileModel tile) => kind switch
    {
        WaitKind.WordValid => string.Create(CultureInfo.InvariantCulture, $"waits for shared-memory address {on} of tile {tile.Id} to become valid (it is invalid)"),
        WaitKind.WordInvalid => string.Create(CultureInfo.InvariantCulture, $"waits for shared-memory address {on} of tile {tile.Id} to become invalid ({tile.Memory.Counter(on)} reader(s) left)"),
        WaitKind.FifoData => string.Create(CultureInfo.InvariantCulture, $"waits for a packet in receive FIFO {on}"),
        WaitKind.FifoRoom => string.Create(CultureInfo.InvariantCulture, $"waits for room in the target's receive FIFO {on}"),
        WaitKind.CoresHalted => "waits for its cores to halt",
        _ => "is blocked",
    };
}
