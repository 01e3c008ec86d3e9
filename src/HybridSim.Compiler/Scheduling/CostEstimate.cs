using HybridSim.Compiler.Isa;
using HybridSim.Specs.Architecture;

namespace HybridSim.Compiler.Scheduling;

/// <summary>
/// Rough instruction costs in cycles, from the architecture's timing data, used only to order the emitted programs the
/// way the hardware will tend to run them (which engine instruction comes first matters: tile engines run in order).
/// The simulator's timing is the hardware models' own; these estimates never reach a report.
/// </summary>
internal sealed class CostEstimate
{
    private readonly ArchitectureSpec _arch;
    private readonly Dictionary<TileKind, (long Mvm, bool Concurrent, int Lanes, long AluStep, long Access, int Bus, long Set, long Copy)> _kinds = [];

    public CostEstimate(ArchitectureSpec architecture)
    {
        _arch = architecture;
        foreach (var kind in new[] { TileKind.Analog, TileKind.Digital })
        {
            var tile = kind == TileKind.Analog ? architecture.AnalogTile : architecture.DigitalTile;
            if (tile is null)
            {
                continue;
            }

            var core = tile.Core;
            var table = core.InstructionLatencyCycles;
            long Get(string key) => table.TryGetValue(key, out var v) ? v : 1;
            _kinds[kind] = (
                MvmCycles(core.Mvmu),
                core.MvmusConcurrent,
                Math.Max(1, core.AluLanes),
                Get("alu_per_lane_step"),
                tile.SharedMemoryLatencyCycles + Get("load_store_per_access"),
                Math.Max(1, tile.BusWidthWords),
                Get("set"),
                Get("copy"));
        }
    }

    public long Core(TileKind kind, CoreInstruction instruction)
    {
        var k = _kinds[kind];
        return instruction switch
        {
            LoadInstruction l => l.Count * ((l.Width + k.Bus - 1) / k.Bus) * k.Access,
            StoreInstruction s => s.Count * ((s.Width + k.Bus - 1) / k.Bus) * k.Access,
            MvmInstruction m => k.Concurrent ? k.Mvm : k.Mvm * System.Numerics.BitOperations.PopCount(m.Mask),
            AluInstruction a => ((a.Length + k.Lanes - 1) / k.Lanes) * k.AluStep,
            AluImmediateInstruction a => ((a.Length + k.Lanes - 1) / k.Lanes) * k.AluStep,
            SetInstruction s => s.Length * k.Set,
            CopyInstruction => k.Copy,
            _ => 1,
        };
    }

    /// <summary>Cycles a packet of words takes from one tile to another: serialisation plus per-hop latency.</summary>
    public long Transfer(int from, int to, int words, int meshWidth)
    {
        var noc = _arch.Noc;
        var concentration = Math.Max(1, noc.Concentration);
        var (ra, rb) = (from / concentration, to / concentration);
        var hops = Math.Abs((ra % meshWidth) - (rb % meshWidth)) + Math.Abs((ra / meshWidth) - (rb / meshWidth));
        var wordBits = (_arch.AnalogTile ?? _arch.DigitalTile)!.WordBits;
        var flits = ((long)words * wordBits + noc.FlitBits - 1) / Math.Max(1, noc.FlitBits);
        return (flits / Math.Max(1, noc.LinkFlitsPerCycle)) + ((hops + 1) * (noc.RouterLatencyCycles + noc.LinkLatencyCycles));
    }

    private long MvmCycles(MvmuSpec mvmu) => mvmu switch
    {
        AnalogMvmuSpec a => Cycles(a.Component("adc")?.LatencySeconds ?? 0) * (a.InputSteps + a.PipelineStages - 1)
            + (a.StackLayers > 1 ? Cycles(a.Component("layer_select")?.LatencySeconds ?? 0) * a.InputSteps : 0),
        DigitalMvmuSpec d => d.CostModel == DigitalCostModel.Table ? Cycles(d.MvmLatencySeconds) : Cycles(d.Cols * d.RowPassSeconds),
        _ => 1,
    };

    /// <summary>An estimate, so capped (at 2^40 cycles) rather than checked: sums of estimates stay far from overflowing, and NaN counts as 1.</summary>
    private long Cycles(double seconds) => Math.Max(1, (long)Math.Ceiling(Math.Clamp(seconds * _arch.ClockHz, 0, 1L << 40)));
}
