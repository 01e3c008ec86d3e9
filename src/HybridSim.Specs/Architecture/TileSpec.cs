using System.Collections.Immutable;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// A tile: Cores cores sharing an eDRAM of SharedMemoryWords words (each with a valid bit and a consumer counter),
/// a send/receive engine and a tile instruction memory. Components (per tile): <c>edram</c> (read/write), <c>edram_bus</c>,
/// <c>edram_controller</c>, <c>attribute_buffer</c>, <c>receive_buffer</c>, <c>tile_instruction_memory</c>, <c>tile_control</c>.
/// </summary>
/// <param name="Count">Fixed number of tiles of this kind, or null for <c>auto</c> (as many as the mapping needs).</param>
/// <param name="BusWidthWords">Words one shared-memory access moves (PUMA: 256 bits / 16 = 16).</param>
/// <param name="SharedMemoryLatencyCycles">Occupancy of one shared-memory access (PUMA: 2).</param>
/// <param name="SharedMemoryPorts">Concurrent accesses the shared memory serves (PUMA: 1).</param>
public sealed record TileSpec(
    TileKind Kind,
    int? Count,
    int Cores,
    CoreSpec Core,
    int SharedMemoryWords,
    int WordBits,
    int BusWidthWords,
    int SharedMemoryLatencyCycles,
    int SharedMemoryPorts,
    int ReceiveBufferDepth,
    int InstructionMemoryEntries,
    ImmutableArray<ComponentSpec> Components)
{
    public ComponentSpec? Component(string name) => Components.FirstOrDefault(c => c.Name == name);
}
