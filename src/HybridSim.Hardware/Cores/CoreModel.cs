using System.Globalization;
using System.Numerics;
using HybridSim.Activity;
using HybridSim.Hardware.Mvmus;
using HybridSim.Hardware.Tiles;
using HybridSim.Hardware.Tracing;
using HybridSim.Isa;
using HybridSim.Kernel;

namespace HybridSim.Hardware.Cores;

/// <summary>
/// One core: a fetch/decode/execute pipeline whose execute stage holds each instruction for its occupancy
/// (instructions follow each other without bubbles after a fetch + decode fill, as in PUMA).
/// Only loads and stores touch state other processes see, so the core runs ahead on a local clock through
/// copy/set/alu/mvm and synchronises with the kernel (one Timeout) just before each shared-memory access.
/// </summary>
public sealed class CoreModel
{
    private static readonly string[] OpcodeNames = [.. Enum.GetNames<CoreOpcode>().Select(n => n.ToLowerInvariant())];

    private readonly NodeModel _node;
    private readonly TileModel _tile;
    private readonly TileTemplate _template;
    private readonly CoreProgram _program;
    private readonly int _coreTrack = -1;
    private readonly int[] _mvmuTracks = [];
    private readonly ulong _validMask;

    public CoreModel(NodeModel node, TileModel tile, CoreProgram program)
    {
        _node = node;
        _tile = tile;
        _template = tile.Template;
        _program = program;
        Index = program.Core;
        var mvmus = _template.Spec.Core.Mvmus;
        _validMask = mvmus >= 64 ? ulong.MaxValue : (1UL << mvmus) - 1;
        if (node.Trace is { } trace)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"tile {tile.Id} ({_template.Kind.ToString().ToLowerInvariant()})");
            _coreTrack = trace.Track(tile.Id, name, TraceIds.CoreThread(Index), string.Create(CultureInfo.InvariantCulture, $"core {Index}"));
            _mvmuTracks = new int[mvmus];
            for (var m = 0; m < mvmus; m++)
            {
                _mvmuTracks[m] = trace.Track(tile.Id, name, TraceIds.MvmuThread(Index, m), string.Create(CultureInfo.InvariantCulture, $"core {Index} mvmu {m}"));
            }
        }
    }

    public int Index { get; }

    public bool Halted { get; private set; }

    public long HaltTime { get; private set; }

    /// <summary>Time the core spent executing (not waiting), picoseconds.</summary>
    public long BusyPicoseconds { get; private set; }

    // Deadlock bookkeeping: where the core is and what it waits on.
    public int ProgramCounter { get; private set; }

    public int Iteration { get; private set; }

    public WaitKind Waiting { get; private set; }

    public int WaitingWord { get; private set; }

    public CoreInstruction? CurrentInstruction =>
        ProgramCounter < _program.Instructions.Length ? _program.Instructions[ProgramCounter] : null;

    public IEnumerable<Event> Run()
    {
        var sim = _node.Simulation;
        var ledger = _node.Ledger;
        var trace = _node.Trace;
        var t = _template;
        var timing = t.Timing;
        var cyc = t.CyclePs;
        var lanes = Math.Max(1, t.Spec.Core.AluLanes);
        var mvmu = t.Mvmu;
        var mvmuPs = mvmu.LatencyCycles * cyc;
        var instructions = _program.Instructions;
        var batch = _node.Batch;
        var clock = new AccessClock();

        var now = sim.Now + ((timing.FetchCycles + timing.DecodeCycles) * cyc);
        for (var iteration = 0; iteration < batch; iteration++)
        {
            Iteration = iteration;
            for (var pc = 0; pc < instructions.Length; pc++)
            {
                ProgramCounter = pc;
                var instruction = instructions[pc];
                var layer = instruction.Layer;
                var start = now;
                long waited = 0;
                var served = -1L;
                switch (instruction)
                {
                    case LoadInstruction ld:
                        clock.Start(now);
                        foreach (var wait in Access(clock, store: false, ld.Address, ld.Width, ld.Count, consumers: 0, layer))
                        {
                            yield return wait;
                        }

                        (now, waited, served) = (clock.Now, clock.Waited, clock.Served);
                        t.CountWrite(ledger, ld.Dest, ld.Words, layer);
                        break;

                    case StoreInstruction st:
                        t.CountRead(ledger, st.Source, st.Words, layer);
                        clock.Start(now);
                        foreach (var wait in Access(clock, store: true, st.Address, st.Width, st.Count, st.Consumers, layer))
                        {
                            yield return wait;
                        }

                        (now, waited, served) = (clock.Now, clock.Waited, clock.Served);
                        break;

                    case CopyInstruction cp:
                        now += timing.CopyCycles * cyc;
                        t.CountRead(ledger, cp.Source, cp.Length, layer);
                        t.CountWrite(ledger, cp.Dest, cp.Length, layer);
                        break;

                    case SetInstruction set:
                        now += (long)timing.SetCyclesPerWord * set.Length * cyc;
                        t.CountWrite(ledger, set.Dest, set.Length, layer);
                        break;

                    case AluInstruction alu:
                        {
                            var steps = (alu.Length + lanes - 1) / lanes;
                            var duration = (long)steps * timing.AluCyclesPerLaneStep * cyc;
                            now += duration;
                            ledger.AddBusy(UnitKind.Alu, duration);
                            ledger.Add(t.AluSlots[(int)alu.Op], layer, alu.Length);
                            t.CountRead(ledger, alu.Source1, alu.Length, layer);
                            if (!alu.Op.IsUnary())
                            {
                                t.CountRead(ledger, alu.Source2, alu.Length, layer);
                            }

                            t.CountWrite(ledger, alu.Dest, alu.Length, layer);
                            break;
                        }

                    case AluImmediateInstruction alui:
                        {
                            var steps = (alui.Length + lanes - 1) / lanes;
                            var duration = (long)steps * timing.AluCyclesPerLaneStep * cyc;
                            now += duration;
                            ledger.AddBusy(UnitKind.Alu, duration);
                            ledger.Add(t.AluSlots[(int)alui.Op], layer, alui.Length);
                            t.CountRead(ledger, alui.Source, alui.Length, layer);
                            t.CountWrite(ledger, alui.Dest, alui.Length, layer);
                            break;
                        }

                    case MvmInstruction mvm:
                        {
                            if ((mvm.Mask & ~_validMask) != 0)
                            {
                                throw new InvalidOperationException(string.Create(
                                    CultureInfo.InvariantCulture,
                                    $"tile {_tile.Id} core {Index} instruction {pc}: mvm mask 0x{mvm.Mask:x} names MVMUs the core does not have ({t.Spec.Core.Mvmus})"));
                            }

                            var active = BitOperations.PopCount(mvm.Mask);
                            if (_program.SramBlocks.Length > 0 && mvmu is DigitalMvmuModel packed)
                            {
                                now = PackedMvm(packed, mvm.Mask, layer, pc, now);
                                break;
                            }

                            mvmu.Count(ledger, active, layer);
                            ledger.AddBusy(mvmu.Unit, active * mvmuPs);
                            if (trace is not null)
                            {
                                var k = 0;
                                for (var m = 0; m < _mvmuTracks.Length; m++)
                                {
                                    if ((mvm.Mask & (1UL << m)) != 0)
                                    {
                                        trace.Span(_mvmuTracks[m], "mvm", mvmu.Concurrent ? now : now + (k * mvmuPs), mvmuPs);
                                        k++;
                                    }
                                }
                            }

                            now += mvmu.InstructionCycles(active) * cyc;
                            break;
                        }

                    case HaltInstruction:
                        if (iteration < batch - 1)
                        {
                            continue;
                        }

                        now += timing.HaltCycles * cyc;
                        break;

                    default:
                        throw new InvalidOperationException($"unknown core instruction {instruction.Opcode}");
                }

                ledger.Add(t.InstructionFetch, layer, 1);
                // A layer starts when its first instruction does work, not when it starts waiting for data.
                ledger.MarkLayer(layer, served >= 0 ? served : start, now);
                BusyPicoseconds += now - start - waited;
                if (trace is not null && now > start)
                {
                    trace.Span(_coreTrack, OpcodeNames[(int)instruction.Opcode], start, now - start);
                }
            }

            _node.EndIteration(iteration, now);
        }

        if (KernelSync.CatchUp(sim, now) is { } last)
        {
            yield return last;
        }

        ProgramCounter = instructions.Length;
        Halted = true;
        HaltTime = now;
        ledger.AddPoweredTime(ActivityScope.Core, t.Kind, now);
        // With dense SRAM-CIM packing only the macros the core's blocks fill leak.
        ledger.AddPoweredTime(ActivityScope.Mvmu, t.Kind, now * (_program.SramMacros ?? t.Spec.Core.Mvmus));
        ledger.Add(t.CoreControl, -1, now / cyc);
        ledger.AddBusy(UnitKind.Core, BusyPicoseconds);
        _tile.CoreHalted();
    }

    /// <summary>
    /// One load (<paramref name="store"/> false: waits for valid words and consumes them) or store (waits for free words
    /// and produces them) of <paramref name="count"/> × <paramref name="width"/> words, as a sub-iterator of
    /// <see cref="Run"/>: it first brings the kernel to the core's clock, then takes one burst on a port when every word
    /// is ready, or goes access by access, each waiting for its own words.
    /// </summary>
    private IEnumerable<Event> Access(AccessClock clock, bool store, int address, int width, int count, int consumers, int layer)
    {
        var sim = _node.Simulation;
        var ledger = _node.Ledger;
        var mem = _tile.Memory;
        var memPs = mem.AccessPicoseconds;
        var perAccessPs = _template.Timing.LoadStoreCyclesPerAccess * _template.CyclePs;
        if (KernelSync.CatchUp(sim, clock.Now) is { } catchUp)
        {
            yield return catchUp;
        }

        if (Blocking(mem, store, address, width * count) < 0)
        {
            Commit(mem, store, address, width * count, consumers);
            var accesses = count * mem.Accesses(width);
            var portStart = mem.Reserve(clock.Now, accesses);
            clock.Waited += portStart - clock.Now;
            clock.Now = portStart + (accesses * (memPs + perAccessPs));
            _template.CountSharedMemory(ledger, store, accesses, layer);
            yield break;
        }

        for (var c = 0; c < count; c++)
        {
            for (var off = 0; off < width; off += mem.BusWidthWords)
            {
                var at = address + (c * width) + off;
                var length = Math.Min(mem.BusWidthWords, width - off);
                if (KernelSync.CatchUp(sim, clock.Now) is { } behind)
                {
                    yield return behind;
                }

                int blocking;
                while ((blocking = Blocking(mem, store, at, length)) >= 0)
                {
                    Waiting = store ? WaitKind.WordInvalid : WaitKind.WordValid;
                    WaitingWord = blocking;
                    yield return mem.WaitOn(blocking);
                }

                Waiting = WaitKind.None;
                clock.Waited += sim.Now - clock.Now;
                clock.Now = sim.Now;
                if (clock.Served < 0)
                {
                    clock.Served = clock.Now;
                }

                Commit(mem, store, at, length, consumers);
                var portStart = mem.Reserve(clock.Now, 1);
                clock.Waited += portStart - clock.Now;
                clock.Now = portStart + memPs + perAccessPs;
                _template.CountSharedMemory(ledger, store, 1, layer);
            }
        }
    }

    /// <summary>
    /// An mvm on a core whose blocks are packed into SRAM-CIM macros (docs/model.md 3.3): it counts and takes what its
    /// masked blocks compute (<see cref="DigitalMvmuModel.CountBlocks"/>). Returns the time the mvm ends.
    /// </summary>
    private long PackedMvm(DigitalMvmuModel packed, ulong mask, int layer, int pc, long now)
    {
        if (BitOperations.Log2(mask) >= _program.SramBlocks.Length)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"tile {_tile.Id} core {Index} instruction {pc}: mvm mask 0x{mask:x} names MVMU slots that hold no block ({_program.SramBlocks.Length} placed)"));
        }

        var cyc = _template.CyclePs;
        var (cycles, passes) = packed.CountBlocks(_node.Ledger, mask, _program.SramBlocks, layer);
        _node.Ledger.AddBusy(packed.Unit, packed.PassCycles(passes) * cyc);
        if (_node.Trace is { } trace)
        {
            for (var m = 0; m < _mvmuTracks.Length; m++)
            {
                if ((mask & (1UL << m)) != 0)
                {
                    trace.Span(_mvmuTracks[m], "mvm", now, packed.PassCycles(_program.SramBlocks[m].Cols) * cyc);
                }
            }
        }

        return now + (cycles * cyc);
    }

    /// <summary>First word that holds the access up: not yet valid for a load, still valid (unread) for a store; −1 when none.</summary>
    private static int Blocking(SharedMemory mem, bool store, int address, int length) =>
        store ? mem.FirstValid(address, length) : mem.FirstInvalid(address, length);

    private static void Commit(SharedMemory mem, bool store, int address, int length, int consumers)
    {
        if (store)
        {
            mem.Produce(address, length, consumers);
        }
        else
        {
            mem.Consume(address, length);
        }
    }

    /// <summary>The core's local clock as an access sub-iterator advances it: time, time spent waiting, first service (−1: none yet).</summary>
    private sealed class AccessClock
    {
        public long Now { get; set; }

        public long Waited { get; set; }

        public long Served { get; set; }

        public void Start(long now) => (Now, Waited, Served) = (now, 0, -1);
    }
}
