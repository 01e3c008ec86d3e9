using System.Globalization;
using System.Numerics;
using HybridSim.Compiler.Isa;
using HybridSim.Hardware.Tiles;
using HybridSim.Kernel;
using HybridSim.Metrics.Activity;

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
    private readonly TileTemplate _t;
    private readonly CoreProgram _program;
    private readonly int _coreTrack = -1;
    private readonly int[] _mvmuTracks = [];
    private readonly ulong _validMask;

    public CoreModel(NodeModel node, TileModel tile, CoreProgram program)
    {
        _node = node;
        _tile = tile;
        _t = tile.Template;
        _program = program;
        Index = program.Core;
        var mvmus = _t.Spec.Core.Mvmus;
        _validMask = mvmus >= 64 ? ulong.MaxValue : (1UL << mvmus) - 1;
        if (node.Trace is { } trace)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"tile {tile.Id} ({_t.Kind.ToString().ToLowerInvariant()})");
            _coreTrack = trace.Track(tile.Id, name, Index * 100, string.Create(CultureInfo.InvariantCulture, $"core {Index}"));
            _mvmuTracks = new int[mvmus];
            for (var m = 0; m < mvmus; m++)
            {
                _mvmuTracks[m] = trace.Track(tile.Id, name, (Index * 100) + 1 + m, string.Create(CultureInfo.InvariantCulture, $"core {Index} mvmu {m}"));
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
        var mem = _tile.Memory;
        var t = _t;
        var timing = t.Timing;
        var cyc = t.CyclePs;
        var memPs = mem.AccessPicoseconds;
        var perAccessPs = timing.LoadStoreCyclesPerAccess * cyc;
        var lanes = Math.Max(1, t.Spec.Core.AluLanes);
        var mvmu = t.Mvmu;
        var mvmuPs = mvmu.LatencyCycles * cyc;
        var instructions = _program.Instructions;
        var batch = _node.Batch;

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
                        {
                            if (now > sim.Now)
                            {
                                yield return sim.Timeout(now - sim.Now);
                            }

                            var words = ld.Words;
                            if (mem.FirstInvalid(ld.Address, words) < 0)
                            {
                                // Fast path: everything is there; one burst on a port.
                                mem.Consume(ld.Address, words);
                                var accesses = ld.Count * mem.Accesses(ld.Width);
                                var portStart = mem.Reserve(now, accesses);
                                waited += portStart - now;
                                now = portStart + (accesses * (memPs + perAccessPs));
                                t.CountSharedMemory(ledger, false, accesses, layer);
                            }
                            else
                            {
                                // Access by access, each waiting for its own words.
                                for (var c = 0; c < ld.Count; c++)
                                {
                                    for (var off = 0; off < ld.Width; off += mem.BusWidthWords)
                                    {
                                        var address = ld.Address + (c * ld.Width) + off;
                                        var length = Math.Min(mem.BusWidthWords, ld.Width - off);
                                        if (now > sim.Now)
                                        {
                                            yield return sim.Timeout(now - sim.Now);
                                        }

                                        int blocking;
                                        while ((blocking = mem.FirstInvalid(address, length)) >= 0)
                                        {
                                            Waiting = WaitKind.WordValid;
                                            WaitingWord = blocking;
                                            yield return mem.WaitOn(blocking);
                                        }

                                        Waiting = WaitKind.None;
                                        waited += sim.Now - now;
                                        now = sim.Now;
                                        if (served < 0)
                                        {
                                            served = now;
                                        }

                                        mem.Consume(address, length);
                                        var portStart = mem.Reserve(now, 1);
                                        waited += portStart - now;
                                        now = portStart + memPs + perAccessPs;
                                        t.CountSharedMemory(ledger, false, 1, layer);
                                    }
                                }
                            }

                            t.CountWrite(ledger, ld.Dest, words, layer);
                            break;
                        }

                    case StoreInstruction st:
                        {
                            if (now > sim.Now)
                            {
                                yield return sim.Timeout(now - sim.Now);
                            }

                            var words = st.Words;
                            t.CountRead(ledger, st.Source, words, layer);
                            if (mem.FirstValid(st.Address, words) < 0)
                            {
                                mem.Produce(st.Address, words, st.Consumers);
                                var accesses = st.Count * mem.Accesses(st.Width);
                                var portStart = mem.Reserve(now, accesses);
                                waited += portStart - now;
                                now = portStart + (accesses * (memPs + perAccessPs));
                                t.CountSharedMemory(ledger, true, accesses, layer);
                            }
                            else
                            {
                                for (var c = 0; c < st.Count; c++)
                                {
                                    for (var off = 0; off < st.Width; off += mem.BusWidthWords)
                                    {
                                        var address = st.Address + (c * st.Width) + off;
                                        var length = Math.Min(mem.BusWidthWords, st.Width - off);
                                        if (now > sim.Now)
                                        {
                                            yield return sim.Timeout(now - sim.Now);
                                        }

                                        int blocking;
                                        while ((blocking = mem.FirstValid(address, length)) >= 0)
                                        {
                                            Waiting = WaitKind.WordInvalid;
                                            WaitingWord = blocking;
                                            yield return mem.WaitOn(blocking);
                                        }

                                        Waiting = WaitKind.None;
                                        waited += sim.Now - now;
                                        now = sim.Now;
                                        if (served < 0)
                                        {
                                            served = now;
                                        }

                                        mem.Produce(address, length, st.Consumers);
                                        var portStart = mem.Reserve(now, 1);
                                        waited += portStart - now;
                                        now = portStart + memPs + perAccessPs;
                                        t.CountSharedMemory(ledger, true, 1, layer);
                                    }
                                }
                            }

                            break;
                        }

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
                            if (!IsUnary(alu.Op))
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

        if (now > sim.Now)
        {
            yield return sim.Timeout(now - sim.Now);
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

    private static bool IsUnary(AluOp op) => op is AluOp.Relu or AluOp.Relu6 or AluOp.Sigmoid or AluOp.Tanh;
}
