using HybridSim.Specs.Architecture;

namespace HybridSim.Compiler.Output;

/// <summary>
/// For one tile kind of a compiled program, the largest use of each fixed-size memory against its capacity in the
/// architecture: instructions per core (core instruction memory), instructions per tile (tile instruction memory) and
/// shared-memory words per tile (eDRAM). The compiler may exceed them where the simulation can still run the program;
/// this is where to see it.
/// </summary>
/// <param name="Tiles">Tiles of this kind in the program.</param>
/// <param name="MaxCoreInstructions">Most instructions of any one core of these tiles.</param>
/// <param name="CoreInstructionMemoryEntries">The core's instruction memory (<c>CoreSpec.InstructionMemoryEntries</c>).</param>
/// <param name="MaxTileInstructions">Most send/receive-engine instructions of any one tile.</param>
/// <param name="TileInstructionMemoryEntries">The tile's instruction memory (<c>TileSpec.InstructionMemoryEntries</c>).</param>
/// <param name="MaxSharedMemoryWords">Highest shared-memory word (address + length) any one tile touches.</param>
/// <param name="SharedMemoryWords">The tile's shared memory (<c>TileSpec.SharedMemoryWords</c>).</param>
public sealed record TileKindCapacity(
    TileKind Kind,
    int Tiles,
    int MaxCoreInstructions,
    int CoreInstructionMemoryEntries,
    int MaxTileInstructions,
    int TileInstructionMemoryEntries,
    int MaxSharedMemoryWords,
    int SharedMemoryWords)
{
    public bool CoreInstructionsFit => MaxCoreInstructions <= CoreInstructionMemoryEntries;

    public bool TileInstructionsFit => MaxTileInstructions <= TileInstructionMemoryEntries;

    public bool SharedMemoryFits => MaxSharedMemoryWords <= SharedMemoryWords;

    public bool Fits => CoreInstructionsFit && TileInstructionsFit && SharedMemoryFits;
}
