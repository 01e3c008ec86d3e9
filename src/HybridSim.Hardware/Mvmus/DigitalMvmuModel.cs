using HybridSim.Activity;
using HybridSim.Specs.Architecture;

namespace HybridSim.Hardware.Mvmus;

/// <summary>
/// SRAM digital MVMU (HyperX section III-A): one output element per pass over a weight row.
/// Table model: latency MvmLatencySeconds and one <c>mvmu</c> <c>mvm</c> action per MVM (PUMA's constants_digital.py).
/// PerMac model: latency Cols × RowPassSeconds; per MVM Cols <c>sram</c> row reads, Cols × Macs <c>mac</c> actions,
/// Rows input-buffer reads and Cols output-buffer writes.
/// </summary>
public sealed class DigitalMvmuModel : MvmuModel
{
    private readonly (int Slot, long PerMvm)[] _counts;

    public DigitalMvmuModel(ArchitectureSpec architecture, TileSpec tile, DigitalMvmuSpec spec, ActivityLedger ledger)
    {
        Spec = spec;
        Concurrent = tile.Core.MvmusConcurrent;
        var kind = tile.Kind;
        if (spec.CostModel == DigitalCostModel.Table)
        {
            LatencyCycles = Cycles.FromSeconds(MvmuTiming.DigitalLatencySeconds(spec), architecture.ClockHz, architecture.SourceFile, "tiles.digital.core.mvmu.mvm_latency");
            _counts = [(ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.DigitalMvmu, ComponentActions.Mvm), 1)];
        }
        else
        {
            LatencyCycles = Cycles.FromSeconds(MvmuTiming.DigitalLatencySeconds(spec), architecture.ClockHz, architecture.SourceFile, "tiles.digital.core.mvmu.row_pass_latency");
            _counts =
            [
                (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.Sram, ComponentActions.Read), spec.Cols),
                (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.Mac, ComponentActions.Mac), (long)spec.Cols * spec.Macs),
                (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.InputBuffer, ComponentActions.Read), spec.Rows),
                (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.OutputBuffer, ComponentActions.Write), spec.Cols),
            ];
        }
    }

    public DigitalMvmuSpec Spec { get; }

    public override long LatencyCycles { get; }

    public override bool Concurrent { get; }

    public override UnitKind Unit => UnitKind.DigitalMvmu;

    public override void Count(ActivityLedger ledger, int active, int layer)
    {
        foreach (var (slot, perMvm) in _counts)
        {
            ledger.Add(slot, layer, perMvm * active);
        }
    }
}
