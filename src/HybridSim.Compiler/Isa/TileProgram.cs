using System.Collections.Immutable;
using HybridSim.Specs.Architecture;

namespace HybridSim.Compiler.Isa;

/// <summary>
/// What one tile executes: its send/receive stream and its cores' streams. Tile ids index a row-major mesh position
/// (see <c>CompiledProgram</c>); Kind says which tile template of the architecture it instantiates.
/// </summary>
/// <param name="InitiallyValid">Shared-memory ranges (address, length, consumers) valid before the run starts:
/// the network input placed in the input tile, as PUMA's input.npy does.</param>
public sealed record TileProgram(
    int Tile,
    TileKind Kind,
    ImmutableArray<TileInstruction> Instructions,
    ImmutableArray<CoreProgram> Cores,
    ImmutableArray<MemoryRange> InitiallyValid);
