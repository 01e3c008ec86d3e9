using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Compiler.Dataflow;
using HybridSim.Compiler.Isa;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Scheduling;

/// <summary>
/// Emits the programs by executing the dataflow once, sequentially and without timing, on the valid-bit semantics of the
/// hardware: every core and every transfer stream is an agent with a fixed task order; the scheduler fires, round robin,
/// whichever agent's next task finds its inputs present and its output slots free. Each fired task appends its
/// instructions to the programs, so every program is a subsequence of one global order in which every read follows its
/// write, every receive directly follows its send, and every slot is free before it is written. With one reading agent
/// per ring (see <see cref="TensorBuffer"/>) the hardware cannot deadlock on such programs, for any FIFO depth and any
/// timing. When the execution gets stuck (a ring too small for a pipeline's skew, such as a residual shortcut), the
/// rings that are full while their reader waits elsewhere grow in place and the execution goes on: a schedule that is
/// valid for a ring stays valid for a larger one, because a single reader frees pixels in order. Addresses are resolved
/// once every ring has its final size.
/// </summary>
internal sealed class ProgramScheduler
{
    private readonly DataflowGraph _graph;
    private readonly int[] _coresPerTile;
    private readonly Dictionary<(Tensor, HomeSegment), List<TensorBuffer>> _remote = [];
    private readonly Dictionary<(Tensor, HomeSegment), List<TensorBuffer>> _local = [];
    private readonly Dictionary<(Tensor, HomeSegment), TensorBuffer> _sinks = [];
    private readonly List<TensorBuffer> _staged = [];
    private readonly List<TensorBuffer> _buffers = [];
    private readonly PriorityQueue<Agent, (long Time, int Id)> _runnable = new();
    private readonly CostEstimate _cost;
    private long[] _engineClock = [];
    private long _now;
    private ProgramText<CoreInstruction>[][] _corePrograms = [];
    private ProgramText<TileInstruction>[] _enginePrograms = [];

    private readonly int[] _memoryWords;

    /// <param name="memoryWords">Shared-memory words of each tile: spare room deepens the rings after emission.</param>
    public ProgramScheduler(DataflowGraph graph, int[] coresPerTile, int[] memoryWords, CostEstimate cost)
    {
        _graph = graph;
        _coresPerTile = coresPerTile;
        _memoryWords = memoryWords;
        _cost = cost;
    }

    public int Tiles => _graph.TileKinds.Count;

    /// <summary>Words of activation rings per tile (the staged network input excluded).</summary>
    public int[] RingWords { get; private set; } = [];

    public ImmutableArray<MemoryRange> InputRanges { get; private set; } = [];

    public int InputTile { get; private set; }

    public int OutputTile { get; private set; }

    public List<CoreInstruction>[][] CorePrograms { get; private set; } = [];

    public List<TileInstruction>[] EnginePrograms { get; private set; } = [];

    public void Run()
    {
        PrepareBuffers();
        foreach (var buffer in _buffers)
        {
            buffer.ResetState();
        }

        Execute();
        Deepen();
        Allocate();
        InputRanges = InitialInput(setState: false);
        CorePrograms = [.. _corePrograms.Select(tile => tile.Select(p => Resolve(p, mergeLoads: true)).ToArray())];
        EnginePrograms = [.. _enginePrograms.Select(p => Resolve(p, mergeLoads: false))];
        foreach (var program in CorePrograms.SelectMany(p => p))
        {
            program.Add(new HaltInstruction());
        }

        foreach (var engine in EnginePrograms)
        {
            engine.Add(new TileHaltInstruction());
        }
    }

    private void PrepareBuffers()
    {
        var input = _graph.Input;
        InputTile = input.ReaderBuffers.Count > 0 ? input.ReaderBuffers.Min(b => b.Tile) : 0;
        input.Homes.Add(new HomeSegment(InputTile, 0, input.Channels));
        input.Layer = _graph.Operations.FirstOrDefault()?.LayerIndex ?? -1;
        OutputTile = _graph.Output.Homes[0].Tile;
        foreach (var tensor in _graph.Tensors)
        {
            foreach (var ring in tensor.ReaderBuffers)
            {
                ring.Slots = Math.Min(tensor.Pixels, Math.Max(2, ring.Readers.Max(r => r.Span(tensor.Width))));
            }

            foreach (var home in tensor.Homes)
            {
                bool Reads(TensorBuffer b) => b.Readers.Any(r => r.Segments.Any(s => s.Channel < home.Start + home.Count && s.Channel + s.Length > home.Start));
                var remote = tensor.ReaderBuffers.Where(b => b.Tile != home.Tile && Reads(b)).ToList();
                var local = tensor.ReaderBuffers.Where(b => b.Tile == home.Tile && Reads(b)).ToList();
                _remote[(tensor, home)] = remote;
                _local[(tensor, home)] = local;
                if (remote.Count > 0 && !tensor.SendBuffers.ContainsKey(home.Tile))
                {
                    tensor.SendBuffers[home.Tile] = new TensorBuffer(tensor, home.Tile, null, 0, tensor.Channels) { Slots = Math.Min(tensor.Pixels, 2) };
                }

                if (tensor.IsNetworkInput)
                {
                    // The input is staged whole before the run: one copy per local reader and one for the engine to send.
                    foreach (var staged in local.Concat(tensor.SendBuffers.Values))
                    {
                        staged.Slots = tensor.Pixels;
                        _staged.Add(staged);
                    }
                }
                else if (remote.Count == 0 && local.Count == 0)
                {
                    // Nobody reads it (the network output): the result is still written, to a sink.
                    _sinks[(tensor, home)] = new TensorBuffer(tensor, home.Tile, null, home.Start, home.Count) { Slots = 1 };
                }
            }

            _buffers.AddRange(tensor.AllBuffers);
            _buffers.AddRange(tensor.Homes.Where(h => _sinks.ContainsKey((tensor, h))).Select(h => _sinks[(tensor, h)]));
        }
    }

    /// <summary>
    /// Doubles rings (a few times at most) while their tile's shared memory has room: the emitted programs stay valid for
    /// larger rings, and deeper rings let producers run further ahead of slow consumers instead of stalling.
    /// </summary>
    private void Deepen()
    {
        var used = new int[Tiles];
        foreach (var buffer in _buffers.Where(b => !_staged.Contains(b)))
        {
            used[buffer.Tile] += buffer.Words;
        }

        for (var round = 0; round < 3; round++)
        {
            foreach (var ring in _buffers.Where(b => b.Owner is not null && !_staged.Contains(b)))
            {
                var slots = Math.Min(ring.Tensor.Pixels, ring.Slots * 2);
                var extra = (slots - ring.Slots) * ring.Width;
                if (extra > 0 && used[ring.Tile] + extra <= _memoryWords[ring.Tile])
                {
                    ring.Slots = slots;
                    used[ring.Tile] += extra;
                }
            }
        }
    }

    /// <summary>Gives every ring its address range, tile by tile; the staged input goes last and is not counted.</summary>
    private void Allocate()
    {
        var next = new int[Tiles];
        foreach (var buffer in _buffers.Where(b => !_staged.Contains(b)))
        {
            buffer.Base = next[buffer.Tile];
            next[buffer.Tile] += buffer.Words;
        }

        RingWords = [.. next];
        foreach (var buffer in _staged)
        {
            buffer.Base = next[buffer.Tile];
            next[buffer.Tile] += buffer.Words;
        }
    }

    private void Execute()
    {
        _corePrograms = [.. _coresPerTile.Select(n => Enumerable.Range(0, n).Select(_ => new ProgramText<CoreInstruction>()).ToArray())];
        _enginePrograms = [.. Enumerable.Range(0, Tiles).Select(_ => new ProgramText<TileInstruction>())];
        InitialInput(setState: true);
        _engineClock = new long[Tiles];

        var agents = new List<Agent>();
        foreach (var op in _graph.Operations)
        {
            for (var k = 0; k < op.Cores.Count; k++)
            {
                var program = _corePrograms[op.Cores[k].Tile][op.Cores[k].Core];
                agents.Add(op switch
                {
                    MatrixOperation m => new MatrixCoreAgent(this, m, k, program),
                    VectorOperation v => new VectorCoreAgent(this, v, program),
                    _ => throw new InvalidOperationException("unknown operation"),
                });
            }
        }

        foreach (var tensor in _graph.Tensors)
        {
            foreach (var home in tensor.Homes)
            {
                foreach (var target in _remote[(tensor, home)])
                {
                    agents.Add(new TransferAgent(this, tensor, home, tensor.SendBuffers[home.Tile], target));
                }
            }
        }

        for (var i = 0; i < agents.Count; i++)
        {
            agents[i].Id = i;
            _runnable.Enqueue(agents[i], (0, i));
        }

        // A list schedule in estimated time: the next task to fire is the one that can start earliest, so the engines'
        // instruction order follows the order in which their data will be ready.
        while (true)
        {
            while (_runnable.TryDequeue(out var agent, out var key))
            {
                _now = Math.Max(_now, key.Time);
                if (!agent.Task.Built && !agent.BuildNext())
                {
                    agent.Finished = true;
                    continue;
                }

                if (!Ready(agent))
                {
                    agent.BlockedOn!.Waiters.Add(agent);
                    continue;
                }

                var start = EstimatedStart(agent);
                if (start > key.Time)
                {
                    _runnable.Enqueue(agent, (start, agent.Id));
                    continue;
                }

                Fire(agent, start);
                agent.Advance();
                agent.Task.Clear();
                _runnable.Enqueue(agent, (agent.Clock, agent.Id));
            }

            var stuck = agents.Where(a => !a.Finished).ToList();
            if (stuck.Count == 0)
            {
                return;
            }

            Grow(agents, stuck);
        }
    }

    /// <summary>
    /// Grows the rings that are full while their reader waits for something else: they are what the pipeline's skew
    /// needs. Rings full because their reader is itself held up by a full ring downstream are back-pressure, not the cause.
    /// </summary>
    private void Grow(List<Agent> agents, List<Agent> stuck)
    {
        var full = stuck.Where(a => a.BlockedOnWrite).Select(a => a.BlockedOn!).Distinct().ToList();
        var readers = agents.OfType<CoreAgent>().Where(a => !a.Finished).ToDictionary(a => a.Core);
        var causes = full.Where(b => b.Owner is not null && readers.TryGetValue(b.Owner, out var reader)
            && !reader.BlockedOnWrite && reader.BlockedOn != b).ToList();
        var grown = false;
        foreach (var buffer in (causes.Count > 0 ? causes : full).Where(b => b.Slots < b.Tensor.Pixels))
        {
            buffer.Grow(Math.Min(buffer.Tensor.Pixels, Math.Max(buffer.Slots * 2, buffer.Slots + (2 * buffer.Tensor.Width))));
            grown = true;
            WakeAll(buffer, _now);
        }

        if (!grown)
        {
            throw new InvalidOperationException("compiler: the dataflow cannot make progress even with whole-tensor rings: "
                + string.Join("; ", stuck.Take(8).Select(a => $"{a} waits on {a.BlockedOn?.Tensor.Name} in tile {a.BlockedOn?.Tile}")));
        }
    }

    private static bool Ready(Agent agent)
    {
        foreach (var a in agent.Task.Accesses)
        {
            if (a.IsRead ? !a.Buffer.CanRead(a.Pixel, a.Channel, a.Length) : !a.Buffer.CanWrite(a.Pixel, a.Channel, a.Length))
            {
                agent.BlockedOn = a.Buffer;
                agent.BlockedOnWrite = !a.IsRead;
                return false;
            }
        }

        agent.BlockedOn = null;
        return true;
    }

    private long EstimatedStart(Agent agent)
    {
        var start = agent.Clock;
        foreach (var a in agent.Task.Accesses)
        {
            start = Math.Max(start, a.IsRead ? a.Buffer.ReadyAt(a.Pixel, a.Channel, a.Length) : a.Buffer.FreeAt(a.Pixel, a.Channel, a.Length));
        }

        if (agent is TransferAgent t)
        {
            start = Math.Max(start, Math.Max(_engineClock[t.From], _engineClock[t.To]));
        }

        return start;
    }

    private void Fire(Agent agent, long start)
    {
        var task = agent.Task;
        var end = start + task.Cycles;
        foreach (var a in task.Accesses)
        {
            if (a.IsRead)
            {
                if (a.Buffer.Read(a.Pixel, a.Channel, a.Length, start))
                {
                    WakeAll(a.Buffer, start);
                }
            }
            else
            {
                a.Buffer.Write(a.Pixel, a.Channel, a.Length, a.Consumers, end);
                WakeAll(a.Buffer, end);
            }
        }

        if (agent.CoreProgram is { } program)
        {
            foreach (var (instruction, fixup) in task.CoreInstructions)
            {
                program.Add(instruction, fixup);
            }
        }

        foreach (var (tile, instruction, fixup) in task.EngineInstructions)
        {
            _enginePrograms[tile].Add(instruction, fixup);
        }

        if (agent is TransferAgent t)
        {
            // The sender's engine is busy while it injects; the receiver's until the packets have landed.
            _engineClock[t.From] = start + t.Words;
            _engineClock[t.To] = end;
            agent.Clock = start + t.Words;
        }
        else
        {
            agent.Clock = end;
        }
    }

    private void WakeAll(TensorBuffer buffer, long time)
    {
        if (buffer.Waiters.Count == 0)
        {
            return;
        }

        foreach (Agent agent in buffer.Waiters)
        {
            _runnable.Enqueue(agent, (Math.Max(agent.Clock, time), agent.Id));
        }

        buffer.Waiters.Clear();
    }

    /// <summary>Final addresses into the instructions; adjacent loads of consecutive words merge into one load with a count.</summary>
    private static List<T> Resolve<T>(ProgramText<T> text, bool mergeLoads)
        where T : class
    {
        var list = text.Instructions;
        foreach (var f in text.Fixups)
        {
            var address = f.Buffer.Address(f.Pixel, f.Channel);
            list[f.Index] = list[f.Index] switch
            {
                LoadInstruction l => (T)(object)(l with { Address = address }),
                StoreInstruction s => (T)(object)(s with { Address = address }),
                SendInstruction s => (T)(object)(s with { Address = address }),
                ReceiveInstruction r => (T)(object)(r with { Address = address }),
                var other => other,
            };
        }

        if (!mergeLoads)
        {
            return list;
        }

        var merged = new List<T>(list.Count);
        foreach (var instruction in list)
        {
            if (instruction is LoadInstruction next && merged.Count > 0 && merged[^1] is LoadInstruction last
                && next.Width == last.Width && next.Layer == last.Layer
                && next.Dest == last.Dest + last.Words && next.Address == last.Address + last.Words)
            {
                merged[^1] = (T)(object)(last with { Count = last.Count + 1 });
            }
            else
            {
                merged.Add(instruction);
            }
        }

        return merged;
    }

    /// <summary>
    /// The network input, present in the input tile before the run: each staged copy with as many reads as it will have.
    /// With setState it also loads the copies into the scheduler's state; otherwise it returns the final ranges.
    /// </summary>
    private ImmutableArray<MemoryRange> InitialInput(bool setState)
    {
        var input = _graph.Input;
        var home = input.Homes[0];
        var counts = new int[input.Channels];
        var scratch = new int[input.Channels];
        var ranges = ImmutableArray.CreateBuilder<MemoryRange>();
        foreach (var staged in _local[(input, home)].Concat(input.SendBuffers.Values))
        {
            for (var p = 0; p < input.Pixels; p++)
            {
                if (staged.Owner is null)
                {
                    Array.Clear(counts);
                    AddRemote(input, home, p, counts, scratch);
                }
                else
                {
                    staged.Counts(p, counts);
                }

                foreach (var (start, length, count) in Runs(counts, staged.MinChannel, staged.MinChannel + staged.Width))
                {
                    if (count == 0)
                    {
                        continue;
                    }

                    if (setState)
                    {
                        staged.Write(p, start, length, count, 0);
                        continue;
                    }

                    var address = staged.Address(p, start);
                    if (ranges.Count > 0 && ranges[^1].Consumers == count && ranges[^1].Address + ranges[^1].Length == address)
                    {
                        ranges[^1] = ranges[^1] with { Length = ranges[^1].Length + length };
                    }
                    else
                    {
                        ranges.Add(new MemoryRange(address, length, count));
                    }
                }
            }
        }

        return ranges.ToImmutable();
    }

    /// <summary>Adds one read per remote ring that needs a channel of the home segment (its transfer reads it once).</summary>
    private void AddRemote(Tensor tensor, HomeSegment home, int pixel, int[] counts, int[] scratch)
    {
        foreach (var ring in _remote[(tensor, home)])
        {
            ring.Counts(pixel, scratch);
            for (var c = home.Start; c < home.Start + home.Count; c++)
            {
                if (scratch[c] > 0)
                {
                    counts[c]++;
                }
            }
        }
    }

    /// <summary>
    /// Stores channels [from, to) of a pixel of a home segment from registers at source (holding channel from): into the
    /// ring of every local reader that needs them, into the send ring for the tiles that need them, or into the sink.
    /// </summary>
    private void StoreRuns(InstructionSink sink, Tensor tensor, HomeSegment home, int pixel, int source, int from, int to, int[] counts, int[] scratch)
    {
        foreach (var ring in _local[(tensor, home)])
        {
            ring.Counts(pixel, counts);
            StoreNonZero(sink, ring, pixel, source, from, Math.Max(from, ring.MinChannel), Math.Min(to, ring.MinChannel + ring.Width), counts);
        }

        if (tensor.SendBuffers.TryGetValue(home.Tile, out var send) && _remote[(tensor, home)].Count > 0)
        {
            Array.Clear(counts);
            AddRemote(tensor, home, pixel, counts, scratch);
            StoreNonZero(sink, send, pixel, source, from, from, to, counts);
        }

        if (_sinks.TryGetValue((tensor, home), out var result))
        {
            sink.Store(result, pixel, from, source, 0, to - from);
        }
    }

    private static void StoreNonZero(InstructionSink sink, TensorBuffer ring, int pixel, int source, int sourceChannel, int from, int to, int[] counts)
    {
        if (from >= to)
        {
            return;
        }

        foreach (var (start, length, count) in Runs(counts, from, to))
        {
            if (count > 0)
            {
                sink.Store(ring, pixel, start, source + (start - sourceChannel), count, length);
            }
        }
    }

    /// <summary>Maximal runs of equal values in counts[from..to).</summary>
    private static IEnumerable<(int Start, int Length, int Value)> Runs(int[] counts, int from, int to)
    {
        var start = from;
        for (var c = from + 1; c <= to; c++)
        {
            if (c == to || counts[c] != counts[start])
            {
                yield return (start, c - start, counts[start]);
                start = c;
            }
        }
    }

    private static AluOp ActivationOp(ActivationKind kind) => kind switch
    {
        ActivationKind.Relu => AluOp.Relu,
        ActivationKind.Relu6 => AluOp.Relu6,
        ActivationKind.Sigmoid => AluOp.Sigmoid,
        ActivationKind.Tanh => AluOp.Tanh,
        _ => throw new InvalidOperationException($"no ALU operation for activation {kind}"),
    };

    private abstract class CoreAgent(CoreSlot core) : Agent
    {
        public CoreSlot Core { get; } = core;
    }

    private sealed class MatrixCoreAgent : CoreAgent
    {
        private readonly ProgramScheduler _s;
        private readonly MatrixOperation _op;
        private readonly int _k;
        private readonly CoreSlot _core;
        private readonly RegisterLayout _layout;
        private readonly List<(ImmutableArray<Mapping.InputSegment> Segments, int First, int[] Copies, int Rows)> _rowBlocks = [];
        private readonly List<(int Block, int[] Locals)> _blocks = [];
        private readonly TensorBuffer _input;
        private readonly ulong _mask;
        private readonly int[] _counts;
        private readonly int[] _scratch;
        private readonly InstructionSink _sink;
        private int _pixel;

        public MatrixCoreAgent(ProgramScheduler scheduler, MatrixOperation op, int k, ProgramText<CoreInstruction> program)
            : base(op.Cores[k])
        {
            _s = scheduler;
            _op = op;
            _k = k;
            _core = op.Cores[k];
            CoreProgram = program;
            _layout = RegisterLayout.For(op, k);
            _input = op.Input.BufferFor(_core);
            _sink = new InstructionSink(Task, op.LayerIndex, i => scheduler._cost.Core(op.Kind, i));
            foreach (var rows in DataflowBuilder.DistinctRowBlocks(op, _core))
            {
                var locals = _core.Mvmus.Where(m => op.Tiling.ColumnBlocks[m.ColumnBlock].RowBlocks[m.RowBlock].Segments == rows).Select(m => m.Local).ToArray();
                _rowBlocks.Add((rows, locals[0], locals[1..], rows.Sum(s => s.Length)));
            }

            foreach (var j in _core.Mvmus.Select(m => m.ColumnBlock).Distinct())
            {
                _blocks.Add((j, [.. _core.Mvmus.Where(m => m.ColumnBlock == j).Select(m => m.Local)]));
            }

            foreach (var m in _core.Mvmus)
            {
                _mask |= 1UL << m.Local;
            }

            _counts = new int[Math.Max(op.Output.Channels, op.Tiling.ColumnBlocks.Max(b => b.OutCount))];
            _scratch = new int[_counts.Length];
        }

        public override ProgramText<CoreInstruction>? CoreProgram { get; }

        private int OutWidth => _op.Output.Width;

        public override bool BuildNext()
        {
            if (_pixel >= _op.Output.Pixels)
            {
                return false;
            }

            Build();
            Task.Built = true;
            return true;
        }

        public override void Advance() => _pixel++;

        /// <summary>
        /// One output pixel: load the window rows into the MVMU input buffers, one mvm, then per column block the sum of
        /// this core's MVMUs plus the predecessor's partial sum, passed on down the chain or, at its end, finished
        /// (LoBranch addend, bias, activation) and stored.
        /// </summary>
        private void Build()
        {
            var qy = _pixel / OutWidth;
            var qx = _pixel % OutWidth;
            var regs = _core.Registers;
            var input = _op.Input;
            var layer = _op.LayerIndex;
            foreach (var (segments, first, copies, rows) in _rowBlocks)
            {
                var dest = regs.InputBuffer(first);

                // Loads first, then the zero padding: the layer's first instruction is one that waits for its input.
                foreach (var pass in (bool[])[true, false])
                {
                    foreach (var seg in segments)
                    {
                        var py = (qy * _op.Stride) - _op.Padding + seg.Ky;
                        var px = (qx * _op.Stride) - _op.Padding + seg.Kx;
                        var inside = py >= 0 && px >= 0 && py < input.Height && px < input.Width;
                        if (inside && pass)
                        {
                            _sink.Load(dest + seg.Offset, _input, (py * input.Width) + px, seg.Channel, seg.Length);
                        }
                        else if (!inside && !pass)
                        {
                            _sink.Zero(dest + seg.Offset, seg.Length);
                        }
                    }
                }

                foreach (var copy in copies)
                {
                    _sink.Add(new CopyInstruction(regs.InputBuffer(copy), dest, rows, layer));
                }
            }

            _sink.Add(new MvmInstruction(_mask, layer));
            foreach (var (j, locals) in _blocks)
            {
                var block = _op.Tiling.ColumnBlocks[j];
                var width = block.OutCount;
                var acc = _layout.Accumulators[j];
                var current = regs.OutputBuffer(locals[0]);
                foreach (var l in locals.Skip(1))
                {
                    _sink.Add(new AluInstruction(AluOp.Add, acc, current, regs.OutputBuffer(l), width, layer));
                    current = acc;
                }

                var predecessor = _op.Predecessor(j, _k);
                if (predecessor >= 0)
                {
                    _sink.Load(_layout.Scratch, _op.Partials[(j, predecessor)].BufferFor(_core), _pixel, 0, width);
                    _sink.Add(new AluInstruction(AluOp.Add, acc, current, _layout.Scratch, width, layer));
                    current = acc;
                }

                if (_op.Reducers[j] != _k)
                {
                    var partial = _op.Partials[(j, _k)];
                    _s.StoreRuns(_sink, partial, partial.Homes[0], _pixel, current, 0, width, _counts, _scratch);
                    continue;
                }

                if (_op.Addend is { } addend)
                {
                    _sink.Load(_layout.Scratch, addend.BufferFor(_core), _pixel, block.OutStart, width);
                    _sink.Add(new AluInstruction(AluOp.Add, acc, current, _layout.Scratch, width, layer));
                    current = acc;
                }

                if (_op.Bias)
                {
                    if (_pixel == 0)
                    {
                        // Bias constants go into the register file once, when the first pixel needs them.
                        _sink.Add(new SetInstruction(_layout.Biases[j], 0, width, layer));
                    }

                    _sink.Add(new AluInstruction(AluOp.Add, acc, current, _layout.Biases[j], width, layer));
                    current = acc;
                }

                if (_op.Activation != ActivationKind.None)
                {
                    _sink.Add(new AluInstruction(ActivationOp(_op.Activation), acc, current, current, width, layer));
                    current = acc;
                }

                _s.StoreRuns(_sink, _op.Output, _op.Output.Homes[j], _pixel, current, block.OutStart, block.OutStart + width, _counts, _scratch);
            }

            _sink.Flush();
        }
    }

    private sealed class VectorCoreAgent : CoreAgent
    {
        private readonly ProgramScheduler _s;
        private readonly VectorOperation _op;
        private readonly CoreSlot _core;
        private readonly InstructionSink _sink;
        private readonly int[] _counts;
        private readonly int[] _scratch;
        private readonly int _acc;
        private readonly int _tmp;
        private int _pixel;

        public VectorCoreAgent(ProgramScheduler scheduler, VectorOperation op, ProgramText<CoreInstruction> program)
            : base(op.Cores[0])
        {
            _s = scheduler;
            _op = op;
            _core = op.Cores[0];
            CoreProgram = program;
            _sink = new InstructionSink(Task, op.LayerIndex, i => scheduler._cost.Core(op.Kind, i));
            _counts = new int[op.Output.Channels];
            _scratch = new int[op.Output.Channels];
            _acc = _core.Registers.DataBase;
            _tmp = _acc + op.Chunk;
        }

        public override ProgramText<CoreInstruction>? CoreProgram { get; }

        public override bool BuildNext()
        {
            if (_pixel >= _op.Output.Pixels)
            {
                return false;
            }

            var layer = _op.LayerIndex;
            var qy = _pixel / _op.Output.Width;
            var qx = _pixel % _op.Output.Width;
            var home = _op.Output.Homes[0];
            foreach (var (c0, length) in DataflowBuilder.Chunks(_op.Output.Channels, _op.Chunk))
            {
                var first = _op.Inputs[0];
                if (_op.VectorKind == VectorKind.Add)
                {
                    _sink.Load(_acc, first.BufferFor(_core), _pixel, c0, length);
                    foreach (var other in _op.Inputs.Skip(1))
                    {
                        var ratio = _op.PadShortcut ? Math.Max(1, other.Height / _op.Output.Height) : 1;
                        var overlap = Math.Min(c0 + length, other.Channels) - c0;
                        if (overlap > 0)
                        {
                            var p = (qy * ratio * other.Width) + (qx * ratio);
                            _sink.Load(_tmp, other.BufferFor(_core), p, c0, overlap);
                            _sink.Add(new AluInstruction(AluOp.Add, _acc, _acc, _tmp, overlap, layer));
                        }
                    }
                }
                else
                {
                    var loaded = false;
                    var buffer = first.BufferFor(_core);
                    for (var ky = 0; ky < _op.KernelHeight; ky++)
                    {
                        for (var kx = 0; kx < _op.KernelWidth; kx++)
                        {
                            var py = (qy * _op.Stride) - _op.Padding + ky;
                            var px = (qx * _op.Stride) - _op.Padding + kx;
                            if (py < 0 || px < 0 || py >= first.Height || px >= first.Width)
                            {
                                continue;
                            }

                            _sink.Load(loaded ? _tmp : _acc, buffer, (py * first.Width) + px, c0, length);
                            if (loaded)
                            {
                                var op = _op.VectorKind == VectorKind.MaxPool ? AluOp.Max : AluOp.Add;
                                _sink.Add(new AluInstruction(op, _acc, _acc, _tmp, length, layer));
                            }

                            loaded = true;
                        }
                    }

                    if (_op.VectorKind is VectorKind.AvgPool or VectorKind.GlobalAvgPool)
                    {
                        _sink.Add(new AluImmediateInstruction(AluOp.Mul, _acc, _acc, 1.0 / (_op.KernelHeight * _op.KernelWidth), length, layer));
                    }
                }

                if (_op.Activation != ActivationKind.None)
                {
                    _sink.Add(new AluInstruction(ActivationOp(_op.Activation), _acc, _acc, _acc, length, layer));
                }

                _s.StoreRuns(_sink, _op.Output, home, _pixel, _acc, c0, c0 + length, _counts, _scratch);
            }

            _sink.Flush();
            Task.Built = true;
            return true;
        }

        public override void Advance() => _pixel++;
    }

    private sealed class TransferAgent(ProgramScheduler scheduler, Tensor tensor, HomeSegment home, TensorBuffer source, TensorBuffer target) : Agent
    {
        private readonly int[] _counts = new int[tensor.Channels];
        private readonly int _from = Math.Max(home.Start, target.MinChannel);
        private readonly int _to = Math.Min(home.Start + home.Count, target.MinChannel + target.Width);
        private int _pixel;

        public int From => home.Tile;

        public int To => target.Tile;

        /// <summary>Words of the current task (the sender's engine is busy about a cycle per word).</summary>
        public int Words { get; private set; }

        public override ProgramText<CoreInstruction>? CoreProgram => null;

        public override bool BuildNext()
        {
            while (_pixel < tensor.Pixels && _from < _to)
            {
                target.Counts(_pixel, _counts);
                Words = 0;
                foreach (var (start, length, count) in Runs(_counts, _from, _to))
                {
                    if (count == 0)
                    {
                        continue;
                    }

                    Task.EngineInstructions.Add((home.Tile, new SendInstruction(-1, target.Tile, home.Tile, length, 1, tensor.Layer), new Fixup(0, source, _pixel, start)));
                    Task.EngineInstructions.Add((target.Tile, new ReceiveInstruction(-1, home.Tile, count, length, 1, tensor.Layer), new Fixup(0, target, _pixel, start)));
                    Task.Accesses.Add(new Access(source, _pixel, start, length, -1));
                    Task.Accesses.Add(new Access(target, _pixel, start, length, count));
                    Words += length;
                    Task.Cycles += scheduler._cost.Transfer(home.Tile, target.Tile, length);
                }

                if (Task.Accesses.Count > 0)
                {
                    Task.Built = true;
                    return true;
                }

                _pixel++;
            }

            return false;
        }

        public override void Advance() => _pixel++;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"scheduler over {Tiles} tiles");
}
