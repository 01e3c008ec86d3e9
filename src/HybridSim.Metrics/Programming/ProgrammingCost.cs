using HybridSim.Activity;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Units;

namespace HybridSim.Metrics.Programming;

/// <summary>
/// Turns programming counts into cost with the architecture's write figures (docs/model.md, "Programming the weights"):
/// energy = cells written × cell_energy; endurance used = writes per cell / endurance; latency as the hardware timed it.
/// </summary>
public static class ProgrammingCost
{
    public static ProgrammingReport Compute(ArchitectureSpec architecture, ProgrammingActivity activity)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(activity);
        var rram = Part(architecture, activity, TileKind.Analog, activity.AnalogPicoseconds);
        var sram = Part(architecture, activity, TileKind.Digital, activity.DigitalPicoseconds);
        return new ProgrammingReport(
            rram.EnergyPj + sram.EnergyPj,
            Math.Max(rram.LatencyNs, sram.LatencyNs),
            Math.Max(rram.EnduranceUsed, sram.EnduranceUsed),
            rram,
            sram);
    }

    private static ProgrammingPart Part(ArchitectureSpec architecture, ProgrammingActivity activity, TileKind kind, long picoseconds)
    {
        var cells = activity.Ledger.Total(new ActivityKey(ActivityScope.Mvmu, kind, ProgrammingActivity.Cell, ProgrammingActivity.Write));
        var rows = activity.Ledger.Total(new ActivityKey(ActivityScope.Mvmu, kind, ProgrammingActivity.Row, ProgrammingActivity.Write));
        if (cells == 0 && rows == 0)
        {
            return ProgrammingPart.None;
        }

        var write = architecture.Tile(kind).Core.Mvmu.Write
            ?? throw new InvalidOperationException($"cells of the {kind} MVMU were written, but the architecture gives no write figures");
        return new ProgrammingPart(
            cells,
            rows,
            Si.Picojoules(cells * write.CellEnergyJoules),
            Si.NanosecondsFromPicoseconds(picoseconds),
            activity.WritesPerCell / write.EnduranceCycles);
    }
}
