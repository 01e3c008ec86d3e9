using System.Collections.Immutable;

namespace HybridSim.Compiler.Isa;

/// <summary>The instruction stream of one core.</summary>
public sealed record CoreProgram(int Tile, int Core, ImmutableArray<CoreInstruction> Instructions);
