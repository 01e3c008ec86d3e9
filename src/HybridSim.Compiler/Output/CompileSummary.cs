using System.Collections.Immutable;
using HybridSim.Compiler.Mapping;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;

namespace HybridSim.Compiler.Output;

/// <summary>
/// What <c>summary.json</c> says about a compiled program (docs/model.md, "Compiler: mapping, placement and programs"): MVMUs and tiles by kind, instruction
/// counts, the mapped weight matrices, and how the program fills the fixed memories of each tile kind.
/// </summary>
/// <param name="AnalogMvmus">Logical MVMUs of the matrices placed on analog tiles.</param>
/// <param name="DigitalMvmus">Logical MVMUs of the matrices placed on digital tiles.</param>
/// <param name="Instructions">Every core and tile instruction, halts included.</param>
/// <param name="MvmInstructions">Core mvm instructions (one may drive several MVMUs).</param>
/// <param name="WeightLayers">The mapped weight matrices, in layer order.</param>
/// <param name="Capacity">One entry per tile kind the program uses, analog first.</param>
public sealed record CompileSummary(
    string Architecture,
    string Workload,
    PartitionSpec Partition,
    int AnalogMvmus,
    int DigitalMvmus,
    int AnalogTiles,
    int DigitalTiles,
    int Cores,
    long Instructions,
    long MvmInstructions,
    int MeshWidth,
    int InputTile,
    int OutputTile,
    ImmutableArray<LayerMapping> WeightLayers,
    ImmutableArray<TileKindCapacity> Capacity)
{
    /// <summary>With dense SRAM-CIM packing, the macros placed (<see cref="CompiledProgram.SramMacros"/>); else null.</summary>
    public int? SramMacros { get; init; }

    /// <summary>Weight layers whose LoBranch rank was clamped to min(in, out).</summary>
    public ImmutableArray<string> ClampedLayers { get; init; } = [];

    public static CompileSummary From(CompiledProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        long instructions = 0, mvms = 0;
        var cores = 0;
        foreach (var tile in program.Tiles)
        {
            instructions += tile.Instructions.Length;
            foreach (var core in tile.Cores)
            {
                cores++;
                instructions += core.Instructions.Length;
                foreach (var i in core.Instructions)
                {
                    if (i.Opcode == CoreOpcode.Mvm)
                    {
                        mvms++;
                    }
                }
            }
        }

        var capacity = ImmutableArray.CreateBuilder<TileKindCapacity>();
        foreach (var kind in new[] { TileKind.Analog, TileKind.Digital })
        {
            var tiles = program.Tiles.Where(t => t.Kind == kind).ToList();
            if (tiles.Count == 0)
            {
                continue;
            }

            var spec = program.Architecture.Tile(kind);
            capacity.Add(new TileKindCapacity(
                kind,
                tiles.Count,
                tiles.SelectMany(t => t.Cores).Select(c => c.Instructions.Length).DefaultIfEmpty(0).Max(),
                spec.Core.InstructionMemoryEntries,
                tiles.Max(t => t.Instructions.Length),
                spec.InstructionMemoryEntries,
                tiles.Max(t => t.SharedMemoryWordsUsed()),
                spec.SharedMemoryWords));
        }

        return new CompileSummary(
            program.Architecture.Name,
            program.Workload.Name,
            program.Partition,
            program.Mappings.Where(m => m.Placement == TileKind.Analog).Sum(m => m.Mvmus),
            program.Mappings.Where(m => m.Placement == TileKind.Digital).Sum(m => m.Mvmus),
            program.TileCount(TileKind.Analog),
            program.TileCount(TileKind.Digital),
            cores,
            instructions,
            mvms,
            program.MeshWidth,
            program.InputTile,
            program.OutputTile,
            program.Mappings,
            capacity.ToImmutable())
        {
            SramMacros = program.Architecture.DigitalTile?.Core.Mvmu is DigitalMvmuSpec { MacrosPerCore: not null } ? program.SramMacros : null,
            ClampedLayers = program.ClampedLayers,
        };
    }
}
