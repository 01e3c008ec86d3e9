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
}
