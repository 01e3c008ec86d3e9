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
