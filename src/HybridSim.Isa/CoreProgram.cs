using System.Collections.Immutable;

namespace HybridSim.Isa;

/// <summary>The instruction stream of one core.</summary>
public sealed record CoreProgram(int Tile, int Core, ImmutableArray<CoreInstruction> Instructions)
{
    /// <summary>
    /// Dense SRAM-CIM packing (digital MVMU <c>macros_per_core</c>): the macros the core's matrix blocks fill; they, not
    /// all of the core's MVMUs, leak and take area. Null: every MVMU of the core counts.
    /// </summary>
    public int? SramMacros { get; init; }

    /// <summary>
    /// Dense SRAM-CIM packing: the block of each MVMU slot, indexed by slot (what an mvm mask bit addresses); an mvm's
    /// energy and time follow the masked blocks' rows and columns (docs/model.md 3.3). Empty: every MVMU is a whole
    /// macro and costs a full MVM.
    /// </summary>
    public ImmutableArray<SramBlock> SramBlocks { get; init; } = [];
}
