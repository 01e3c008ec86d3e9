using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Compiler.Dataflow;
using HybridSim.Isa;
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
internal sealed partial class ProgramScheduler
{
    /// <summary>Fewest slots a ring starts with: double buffering, so a producer can write one pixel while the reader reads the last.</summary>
    private const int MinRingSlots = 2;

    /// <summary>Times <see cref="Deepen"/> may double every ring into spare shared memory (at most 8× the planned depth).</summary>
    private const int DeepenRounds = 3;

    /// <summary>Factor a ring grows by when the execution gets stuck on it (at least <see cref="GrowRows"/> tensor rows more).</summary>
    private const int GrowFactor = 2;

    /// <summary>Tensor rows a stuck ring gains at the least, so a convolution window's skew is covered in one step.</summary>
    private const int GrowRows = 2;

    /// <summary>Stuck agents a "cannot make progress" error lists.</summary>
    private const int StuckAgentsReported = 8;

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
        CorePrograms = [.. _corePrograms.Select(tile => tile.Select(p => MergeLoads(Resolve(p))).ToArray())];
        EnginePrograms = [.. _enginePrograms.Select(Resolve)];
        foreach (var program in CorePrograms.SelectMany(p => p))
        {
            program.Add(new HaltInstruction());
        }

        foreach (var engine in EnginePrograms)
        {
            engine.Add(new TileHaltInstruction());
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"scheduler over {Tiles} tiles");
}
