using HybridSim.Activity;
using HybridSim.Hardware.Cores;
using HybridSim.Isa;
using HybridSim.Kernel;

namespace HybridSim.Hardware.Tiles;

/// <summary>
/// One tile: shared memory, receive FIFOs, cores, and the send/receive engine that runs the tile's instruction stream
/// in order and blocking (PUMA's tile semantics). The tile halts once its stream is done and all its cores have halted.
/// </summary>
public sealed class TileModel
{
    private readonly NodeModel _node;
    private readonly Dictionary<int, ReceiveFifo> _fifos = [];
    private int _coresHalted;
    private Event? _allHalted;

    public TileModel(NodeModel node, TileTemplate template, TileProgram program, int memoryWords)
    {
        _node = node;
        Template = template;
        Program = program;
        Id = program.Tile;
        Memory = new SharedMemory(
            node.Simulation,
            memoryWords,
            template.Spec.SharedMemoryPorts,
            template.Spec.SharedMemoryLatencyCycles * template.CyclePs,
            template.Spec.BusWidthWords);
        foreach (var range in program.InitiallyValid)
        {
            Memory.Produce(range.Address, range.Length, range.Consumers);
        }

        Cores = [.. program.Cores.Select(c => new CoreModel(node, this, c))];
    }

    public int Id { get; }

    public TileTemplate Template { get; }

    public TileProgram Program { get; }

    public SharedMemory Memory { get; }

    public CoreModel[] Cores { get; }

    public bool Halted { get; private set; }

    public long HaltTime { get; private set; }

    public int ProgramCounter { get; private set; }

    public int Iteration { get; private set; }

    public WaitKind Waiting { get; private set; }

    /// <summary>The word or FIFO id the engine waits on.</summary>
    public int WaitingOn { get; private set; }

    public TileInstruction? CurrentInstruction =>
        ProgramCounter < Program.Instructions.Length ? Program.Instructions[ProgramCounter] : null;

    public IReadOnlyDictionary<int, ReceiveFifo> Fifos => _fifos;

    public ReceiveFifo Fifo(int fifoId)
    {
        if (!_fifos.TryGetValue(fifoId, out var fifo))
        {
            fifo = new ReceiveFifo(_node.Simulation, fifoId, Template.Spec.ReceiveBufferDepth);
            _fifos.Add(fifoId, fifo);
        }

        return fifo;
    }

    public void CoreHalted()
    {
        _coresHalted++;
        if (_coresHalted == Cores.Length && _allHalted is not null)
        {
            _allHalted.Succeed();
        }
    }

    /// <summary>The send/receive engine.</summary>
    public IEnumerable<Event> Run()
    {
        var sim = _node.Simulation;
        var ledger = _node.Ledger;
        var noc = _node.Noc;
        var t = Template;
        var mem = Memory;
        var memPs = mem.AccessPicoseconds;
        var wordBits = t.Spec.WordBits;
        var instructions = Program.Instructions;
        var batch = _node.Batch;
        long now = sim.Now;

        for (var iteration = 0; iteration < batch; iteration++)
        {
            Iteration = iteration;
            for (var pc = 0; pc < instructions.Length; pc++)
            {
                ProgramCounter = pc;
                var instruction = instructions[pc];
                var layer = instruction.Layer;
                switch (instruction)
                {
                    case SendInstruction s:
                        {
                            var target = _node.Tiles[s.Target];
                            var fifo = target.Fifo(s.FifoId);
                            var accesses = mem.Accesses(s.Width);
                            for (var p = 0; p < s.Count; p++)
                            {
                                var address = s.Address + (p * s.Width);
                                if (KernelSync.CatchUp(sim, now) is { } beforeSend)
                                {
                                    yield return beforeSend;
                                }

                                // Fast path: the whole rest of the send can go without waiting.
                                var burst = 1;
                                if (mem.FirstInvalid(address, (s.Count - p) * s.Width) < 0 && fifo.Depth - fifo.Count >= s.Count - p)
                                {
                                    burst = s.Count - p;
                                }

                                int blocking;
                                while ((blocking = mem.FirstInvalid(address, s.Width)) >= 0)
                                {
                                    Waiting = WaitKind.WordValid;
                                    WaitingOn = blocking;
                                    yield return mem.WaitOn(blocking);
                                }

                                while (!fifo.HasRoom)
                                {
                                    Waiting = WaitKind.FifoRoom;
                                    WaitingOn = s.FifoId;
                                    yield return fifo.WaitForRoom();
                                }

                                Waiting = WaitKind.None;
                                now = Math.Max(now, sim.Now);
                                for (var q = 0; q < burst; q++)
                                {
                                    var a = s.Address + ((p + q) * s.Width);
                                    mem.Consume(a, s.Width);
                                    var portStart = mem.Reserve(now, accesses);
                                    t.CountSharedMemory(ledger, false, accesses, layer);
                                    var (injectDone, arrival) = noc.Send(Id, s.Target, (long)s.Width * wordBits, portStart + (accesses * memPs), layer);
                                    fifo.Enqueue(arrival);
                                    ledger.Add(target.Template.ReceiveBufferWrite, layer, 1);
                                    ledger.MarkLayer(layer, now, arrival);
                                    now = injectDone;
                                }

                                p += burst - 1;
                            }

                            break;
                        }

                    case ReceiveInstruction r:
                        {
                            var fifo = r.FifoId >= 0 ? Fifo(r.FifoId) : null;
                            var accesses = mem.Accesses(r.Width);
                            for (var p = 0; p < r.Count; p++)
                            {
                                var address = r.Address + (p * r.Width);
                                if (KernelSync.CatchUp(sim, now) is { } beforeReceive)
                                {
                                    yield return beforeReceive;
                                }

                                if (fifo is not null)
                                {
                                    while (fifo.Count == 0)
                                    {
                                        Waiting = WaitKind.FifoData;
                                        WaitingOn = r.FifoId;
                                        yield return fifo.WaitForData();
                                    }

                                    now = Math.Max(Math.Max(now, sim.Now), fifo.PeekArrival());
                                    if (KernelSync.CatchUp(sim, now) is { } untilArrival)
                                    {
                                        yield return untilArrival;
                                    }
                                }

                                int blocking;
                                while ((blocking = mem.FirstValid(address, r.Width)) >= 0)
                                {
                                    Waiting = WaitKind.WordInvalid;
                                    WaitingOn = blocking;
                                    yield return mem.WaitOn(blocking);
                                }

                                Waiting = WaitKind.None;
                                now = Math.Max(now, sim.Now);
                                if (fifo is not null)
                                {
                                    fifo.Dequeue();
                                    ledger.Add(t.ReceiveBufferRead, layer, 1);
                                }

                                var portStart = mem.Reserve(now, accesses);
                                mem.Produce(address, r.Width, r.Consumers);
                                t.CountSharedMemory(ledger, true, accesses, layer);
                                var end = portStart + (accesses * memPs);
                                ledger.MarkLayer(layer, now, end);
                                now = end;
                            }

                            break;
                        }

                    case TileHaltInstruction:
                        if (iteration < batch - 1)
                        {
                            continue;
                        }

                        break;

                    default:
                        throw new InvalidOperationException($"unknown tile instruction {instruction.Opcode}");
                }

                ledger.Add(t.TileInstructionFetch, layer, 1);
            }

            _node.EndIteration(iteration, now);
        }

        ProgramCounter = instructions.Length;
        if (_coresHalted < Cores.Length)
        {
            _allHalted = sim.Event();
            Waiting = WaitKind.CoresHalted;
            yield return _allHalted;
            Waiting = WaitKind.None;
        }

        now = Math.Max(now, sim.Now);
        foreach (var core in Cores)
        {
            now = Math.Max(now, core.HaltTime);
        }

        if (KernelSync.CatchUp(sim, now) is { } untilCoresHalt)
        {
            yield return untilCoresHalt;
        }

        Halted = true;
        HaltTime = now;
        ledger.AddPoweredTime(ActivityScope.Tile, t.Kind, now);
        ledger.Add(t.TileControl, -1, now / t.CyclePs);
    }
}
