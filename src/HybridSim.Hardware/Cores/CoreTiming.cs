using HybridSim.Specs.Architecture;

namespace HybridSim.Hardware.Cores;

/// <summary>Per-opcode occupancy of a core in cycles, read once from <see cref="CoreSpec.InstructionLatencyCycles"/>.</summary>
public sealed record CoreTiming(
    int FetchCycles,
    int DecodeCycles,
    int SetCyclesPerWord,
    int CopyCycles,
    int AluCyclesPerLaneStep,
    int LoadStoreCyclesPerAccess,
    int HaltCycles)
{
    public static CoreTiming From(TileSpec tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        var l = tile.Core.InstructionLatencyCycles;
        return new CoreTiming(l.Fetch, l.Decode, l.Set, l.Copy, l.AluPerLaneStep, l.LoadStorePerAccess, l.Halt);
    }
}
