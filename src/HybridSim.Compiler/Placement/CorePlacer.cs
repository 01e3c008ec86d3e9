using System.Globalization;
using HybridSim.Compiler.Dataflow;
using HybridSim.Compiler.Mapping;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;

namespace HybridSim.Compiler.Placement;

/// <summary>
/// Places operations on cores and tiles: a matrix's MVMU slots are cut into per-core runs (SRAM-CIM macro packing on
/// digital cores), and cores are handed out in layer order, filling a tile before opening the next, so consecutive layers
/// are neighbours on the mesh. A tile is also closed when the activation rings of its cores would exceed its share of
/// shared memory (the memory budget).
/// </summary>
internal sealed class CorePlacer(ArchitectureSpec arch, List<TileKind> tileKinds, IReadOnlyDictionary<string, double> memoryBudgets)
{
    /// <summary>Share of a tile's shared memory the estimated input rings of an operation's cores may take, by default.</summary>
    public const double DefaultMemoryBudget = 0.6;

    /// <summary>Factor a tile's memory budget shrinks by when its rings overflow its shared memory and its operations are placed again.</summary>
    public const double MemoryBudgetRetryFactor = 0.6;

    private readonly ArchitectureSpec _arch = arch;
    private readonly List<TileKind> _tileKinds = tileKinds;
    private readonly IReadOnlyDictionary<string, double> _memoryBudgets = memoryBudgets;
    private readonly Dictionary<TileKind, (int Tile, int NextCore)> _cursor = [];
    private readonly Dictionary<int, int> _tileWords = [];

    // The digital core small matrices are packed onto (dense SRAM-CIM packing), while they fit it.
    private SharedSramCore? _openSram;

    /// <summary>
    /// The (column block, row block) slots of a matrix, cut into consecutive runs, one per core: at most the core's
    /// MVMUs each. On a digital tile with dense SRAM-CIM packing (<see cref="DigitalMvmuSpec.MacrosPerCore"/>) a run
    /// also ends when its blocks would need more than that many macros, Macros is the macros its blocks fill and Blocks
    /// where each of its slots sits in them; otherwise Macros is null (every MVMU of the core is a macro) and Blocks empty.
    /// </summary>
    public static List<(int Start, int Count, int? Macros, List<SramBlock> Blocks)> CoreGroups(TileSpec tile, MatrixTiling tiling, List<(int Block, int Row)> slots)
    {
        var perCore = tile.Core.Mvmus;
        var groups = new List<(int Start, int Count, int? Macros, List<SramBlock> Blocks)>();
        if (tile.Core.Mvmu is not DigitalMvmuSpec { MacrosPerCore: { } macrosPerCore })
        {
            for (var s = 0; s < slots.Count; s += perCore)
            {
                groups.Add((s, Math.Min(perCore, slots.Count - s), null, []));
            }

            return groups;
        }

        var mvmu = tile.Core.Mvmu;
        var packer = new SramMacroPacker(mvmu.Rows, mvmu.Cols, macrosPerCore);
        var blocks = new List<SramBlock>();
        var first = 0;
        for (var s = 0; s < slots.Count; s++)
        {
            var block = tiling.ColumnBlocks[slots[s].Block];
            var rows = block.RowBlocks[slots[s].Row].Rows;
            var position = s - first == perCore ? null : packer.TryPlace(rows, block.OutCount);
            if (position is null)
            {
                groups.Add((first, s - first, packer.Macros, blocks));
                first = s;
                packer = new SramMacroPacker(mvmu.Rows, mvmu.Cols, macrosPerCore);
                blocks = [];
                position = packer.TryPlace(rows, block.OutCount);
            }

            var at = position!.Value;
            blocks.Add(new SramBlock(at.Macro, at.Row, rows, block.OutCount));
        }

        if (slots.Count > first)
        {
            groups.Add((first, slots.Count - first, packer.Macros, blocks));
        }

        return groups;
    }

    /// <summary>
    /// Hands out cores in order, filling a tile before opening the next; a tile is also closed when the activation rings
    /// its cores will need (estimated from their input windows) would take more than the memory budget.
    /// </summary>
    public void Allocate(Operation op, int count, Func<int, int> ringWords)
    {
        var tile = _arch.Tile(op.Kind);
        var registers = new CoreRegisterMap(tile.Core.Mvmus, tile.Core.Mvmu.Rows, tile.Core.Mvmu.Cols, tile.Core.RegisterFileWords);
        var budget = (int)(tile.SharedMemoryWords * _memoryBudgets.GetValueOrDefault(op.Name, DefaultMemoryBudget));
        var (current, next) = _cursor.GetValueOrDefault(op.Kind, (-1, tile.Cores));
        for (var i = 0; i < count; i++)
        {
            var words = ringWords(i);
            if (next >= tile.Cores || (next > 0 && _tileWords.GetValueOrDefault(current) + words > budget))
            {
                current = _tileKinds.Count;
                _tileKinds.Add(op.Kind);
                next = 0;
            }

            _tileWords[current] = _tileWords.GetValueOrDefault(current) + words;
            op.Cores.Add(new CoreSlot(current, next, registers));
            next++;
        }

        _cursor[op.Kind] = (current, next);
    }

    /// <summary>
    /// Dense SRAM-CIM packing (docs/model.md 3.3): places a matrix that fits one core (<paramref name="groups"/> of one
    /// run) on the open shared core, beside the matrices already there, when its slots, its blocks (packed after theirs
    /// into the core's macros), its data registers and its input ring (in the tile's memory budget) all fit. Returns its
    /// run with its blocks' places, or null (nothing placed) when it does not fit or no core is open.
    /// </summary>
    public (int Start, int Count, int? Macros, List<SramBlock> Blocks)? TryShareSramCore(
        Operation op, TileSpec tile, List<(int Start, int Count, int? Macros, List<SramBlock> Blocks)> groups, MatrixTiling tiling, bool bias, Func<int, int> ringWords)
    {
        if (_openSram is not { } open || groups.Count != 1 || open.Kind != op.Kind
            || tile.Core.Mvmu is not DigitalMvmuSpec { MacrosPerCore: { } macrosPerCore } mvmu
            || open.Shapes.Count + groups[0].Count > tile.Core.Mvmus)
        {
            return null;
        }

        var data = DataWordsBound(tiling, bias);
        var words = ringWords(0);
        var budget = (int)(tile.SharedMemoryWords * _memoryBudgets.GetValueOrDefault(op.Name, DefaultMemoryBudget));
        if (open.DataWords + data > tile.Core.RegisterFileWords || _tileWords.GetValueOrDefault(open.Tile) + words > budget)
        {
            return null;
        }

        // First fit is deterministic: the blocks already on the core land where they are, and the new ones after them.
        var packer = new SramMacroPacker(mvmu.Rows, mvmu.Cols, macrosPerCore);
        foreach (var (rows, cols) in open.Shapes)
        {
            packer.TryPlace(rows, cols);
        }

        var blocks = new List<SramBlock>();
        foreach (var b in groups[0].Blocks)
        {
            if (packer.TryPlace(b.Rows, b.Cols) is not { } at)
            {
                return null;
            }

            blocks.Add(new SramBlock(at.Macro, at.Row, b.Rows, b.Cols));
        }

        _tileWords[open.Tile] = _tileWords.GetValueOrDefault(open.Tile) + words;
        op.Cores.Add(new CoreSlot(open.Tile, open.Core, open.Registers) { LocalBase = open.Shapes.Count, DataOffset = open.DataWords });
        open.Shapes.AddRange(blocks.Select(b => (b.Rows, b.Cols)));
        open.DataWords += data;
        return (0, groups[0].Count, blocks.Select(b => b.Macro).Distinct().Count(), blocks);
    }

    /// <summary>
    /// After <paramref name="op"/> got cores of its own: with dense SRAM-CIM packing, a matrix on one core opens that core
    /// for the small matrices that follow (<see cref="TryShareSramCore"/>); a larger one leaves the open core as it is.
    /// </summary>
    public void OpenSramCore(Operation op, TileSpec tile, List<(int Start, int Count, int? Macros, List<SramBlock> Blocks)> groups, MatrixTiling tiling, bool bias)
    {
        if (groups.Count == 1 && tile.Core.Mvmu is DigitalMvmuSpec { MacrosPerCore: not null })
        {
            var core = op.Cores[0];
            _openSram = new SharedSramCore(op.Kind, core.Tile, core.Core, core.Registers, [.. groups[0].Blocks.Select(b => (b.Rows, b.Cols))], DataWordsBound(tiling, bias));
        }
    }

    /// <summary>Data registers a matrix on one core needs at most (<see cref="RegisterLayout"/>): an accumulator and a bias per column block, one scratch vector.</summary>
    private static int DataWordsBound(MatrixTiling tiling, bool bias)
    {
        var outputs = tiling.ColumnBlocks.Sum(b => b.OutCount);
        return outputs + (bias ? outputs : 0) + tiling.ColumnBlocks.Max(b => b.OutCount);
    }

    /// <summary>Words of the activation ring a reader of <paramref name="input"/> needs: its window's pixels times its channels.</summary>
    public static int RingEstimate(Tensor input, Reader reader) =>
        Math.Min(input.Pixels, reader.Span(input.Width)) * (reader.EndChannel - reader.MinChannel);

    /// <summary>One error per tile kind that needs more tiles than the architecture's fixed count.</summary>
    public IEnumerable<SpecError> TileCountErrors(string workloadName)
    {
        foreach (var kind in new[] { TileKind.Analog, TileKind.Digital })
        {
            var used = _tileKinds.Count(k => k == kind);
            var spec = kind == TileKind.Analog ? _arch.AnalogTile : _arch.DigitalTile;
            if (spec?.Count is { } fixedCount && used > fixedCount)
            {
                yield return new SpecError(_arch.SourceFile, 0, 0, $"tiles.{Lower(kind)}.count",
                    string.Create(CultureInfo.InvariantCulture, $"{workloadName} needs {used} {Lower(kind)} tiles under this partition, but the architecture fixes {fixedCount}; set the count to {used} or more, or to auto"));
            }
        }
    }

    private static string Lower(TileKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>A digital core several small matrices share: its blocks in slot order and the data registers handed out.</summary>
internal sealed class SharedSramCore(TileKind kind, int tile, int core, CoreRegisterMap registers, List<(int Rows, int Cols)> shapes, int dataWords)
{
    public TileKind Kind { get; } = kind;

    public int Tile { get; } = tile;

    public int Core { get; } = core;

    public CoreRegisterMap Registers { get; } = registers;

    public List<(int Rows, int Cols)> Shapes { get; } = shapes;

    public int DataWords { get; set; } = dataWords;
}
