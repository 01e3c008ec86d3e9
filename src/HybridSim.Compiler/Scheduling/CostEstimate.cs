using HybridSim.Isa;
using HybridSim.Specs.Architecture;

namespace HybridSim.Compiler.Scheduling;

/// <summary>
/// Rough instruction costs in cycles, from the architecture's timing data, used only to order the emitted programs the
/// way the hardware will tend to run them (which engine instruction comes first matters: tile engines run in order).
/// The simulator's timing is the hardware models' own; these estimates never reach a report.
/// </summary>
internal sealed class CostEstimate
{
    /// <summary>An estimate is capped (at 2^40 cycles) rather than checked, so sums of estimates stay far from overflowing.</summary>
    private const long MaxEstimateCycles = 1L << 40;

    private readonly ArchitectureSpec _arch;
    private readonly MeshLayout _mesh;
    private readonly Dictionary<TileKind, (long Mvm, bool Concurrent, int Lanes, long AluStep, long Access, int Bus, long Set, long Copy)> _kinds = [];

    public CostEstimate(ArchitectureSpec architecture, MeshLayout mesh)
    {
        _arch = architecture;
        _mesh = mesh;
        foreach (var kind in new[] { TileKind.Analog, TileKind.Digital })
        {
            var tile = kind == TileKind.Analog ? architecture.AnalogTile : architecture.DigitalTile;
            if (tile is null)
            {
                continue;
            }

            var core = tile.Core;
            var latencies = core.InstructionLatencyCycles;
            _kinds[kind] = (
                MvmCycles(core.Mvmu),
                core.MvmusConcurrent,
                Math.Max(1, core.AluLanes),
                latencies.AluPerLaneStep,
                tile.SharedMemoryLatencyCycles + latencies.LoadStorePerAccess,
                Math.Max(1, tile.BusWidthWords),
                latencies.Set,
                latencies.Copy);
        }
    }

    public long Core(TileKind kind, CoreInstruction instruction)
    {
        var k = _kinds[kind];
        return instruction switch
        {
            LoadInstruction l => l.Count * ((l.Width + k.Bus - 1) / k.Bus) * k.Access,
            StoreInstruction s => s.Count * ((s.Width + k.Bus - 1) / k.Bus) * k.Access,
            MvmInstruction m => MvmuTiming.InstructionCycles(k.Mvm, k.Concurrent, System.Numerics.BitOperations.PopCount(m.Mask)),
            AluInstruction a => ((a.Length + k.Lanes - 1) / k.Lanes) * k.AluStep,
            AluImmediateInstruction a => ((a.Length + k.Lanes - 1) / k.Lanes) * k.AluStep,
            SetInstruction s => s.Length * k.Set,
            CopyInstruction => k.Copy,
            _ => 1,
        };
    }

    /// <summary>Cycles a packet of words takes from one tile to another on an idle network (<see cref="NocTiming.TransferCycles"/>).</summary>
    public long Transfer(int from, int to, int words)
    {
        var wordBits = (_arch.AnalogTile ?? _arch.DigitalTile)!.WordBits;
        return NocTiming.TransferCycles(_arch.Noc, _mesh, from, to, (long)words * wordBits);
    }

    private long MvmCycles(MvmuSpec mvmu) => mvmu switch
    {
        AnalogMvmuSpec a => MvmuTiming.AnalogLatencyCycles(a, Cycles(a.Component(ComponentCatalogue.Adc)?.LatencySeconds ?? 0), Cycles(a.Component(ComponentCatalogue.LayerSelect)?.LatencySeconds ?? 0)),
        DigitalMvmuSpec d => Cycles(MvmuTiming.DigitalLatencySeconds(d)),
        _ => 1,
    };

    /// <summary>The hardware's rounding, saturating at <see cref="MaxEstimateCycles"/> (NaN counts as 0).</summary>
    private long Cycles(double seconds) => ClockCycles.Saturating(seconds, _arch.ClockHz, MaxEstimateCycles);
}
