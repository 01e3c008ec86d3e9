using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;

namespace HybridSim.Hardware.Cores;

/// <summary>
/// Per-opcode occupancy of a core in cycles, read once from <see cref="CoreSpec.InstructionLatencyCycles"/>
/// (keys: <c>fetch</c>, <c>decode</c>, <c>set</c>, <c>copy</c>, <c>alu_per_lane_step</c>, <c>load_store_per_access</c>, <c>halt</c>).
/// </summary>
public sealed record CoreTiming(
    int FetchCycles,
    int DecodeCycles,
    int SetCyclesPerWord,
    int CopyCycles,
    int AluCyclesPerLaneStep,
    int LoadStoreCyclesPerAccess,
    int HaltCycles)
{
    public static CoreTiming From(ArchitectureSpec architecture, TileSpec tile)
    {
        var table = tile.Core.InstructionLatencyCycles;
        var errors = new List<SpecError>();
        int Get(string key)
        {
            if (table.TryGetValue(key, out var v) && v >= 0)
            {
                return v;
            }

            errors.Add(new SpecError(
                architecture.SourceFile,
                0,
                0,
                $"tiles.{tile.Kind.ToString().ToLowerInvariant()}.core.instruction_latency_cycles.{key}",
                "missing or negative; the core model needs a cycle count for it"));
            return 0;
        }

        var timing = new CoreTiming(
            Get("fetch"),
            Get("decode"),
            Get("set"),
            Get("copy"),
            Get("alu_per_lane_step"),
            Get("load_store_per_access"),
            Get("halt"));
        return errors.Count > 0 ? throw new SpecException(errors) : timing;
    }
}
