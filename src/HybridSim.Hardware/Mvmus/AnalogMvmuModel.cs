using HybridSim.Activity;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;

namespace HybridSim.Hardware.Mvmus;

/// <summary>
/// RRAM crossbar MVMU, bit-serial inputs (docs/references.md, PUMA tables 3.4 and 4.2).
/// Latency <see cref="MvmuTiming.AnalogLatencyCycles"/> = ADC time × (input steps + pipeline stages − 1)
/// [+ layer-select time × input steps for 3D stacks]: 100 ns × (16 + 3 − 1) = 1800 cycles for PUMA. The masked MVMUs of
/// one mvm run side by side unless the core says <c>mvmus_concurrent: false</c>. Per MVM, with S = bit slices (physical crossbars) and T = input steps:
/// crossbar activations S·T, ADC conversions Cols·S·T, DAC conversions Rows·T, S&amp;H Cols·S·T,
/// shift-and-add Cols·S·T + Cols·T, input-buffer reads T, output-buffer reads and writes Cols·T each,
/// and with StackLayers &gt; 1 one layer select per crossbar activation.
/// </summary>
public sealed class AnalogMvmuModel : MvmuModel
{
    private readonly (int Slot, long PerMvm)[] _counts;

    public AnalogMvmuModel(ArchitectureSpec architecture, TileSpec tile, AnalogMvmuSpec spec, ActivityLedger ledger)
    {
        Spec = spec;
        var adc = spec.Component(ComponentCatalogue.Adc) ?? throw new SpecException(new SpecError(
            architecture.SourceFile, 0, 0, "tiles.analog.core.mvmu.components.adc", "an analog MVMU needs an 'adc' component: its latency sets the MVM time"));
        var file = architecture.SourceFile;
        AdcCycles = Cycles.FromSeconds(adc.LatencySeconds, architecture.ClockHz, file, "tiles.analog.core.mvmu.components.adc.latency");
        var select = spec.StackLayers > 1 ? spec.Component(ComponentCatalogue.LayerSelect) : null;
        SelectCycles = select is null ? 0 : Cycles.FromSeconds(select.LatencySeconds, architecture.ClockHz, file, "tiles.analog.core.mvmu.components.layer_select.latency");
        var steps = spec.InputSteps;
        LatencyCycles = MvmuTiming.AnalogLatencyCycles(spec, AdcCycles, SelectCycles);
        Concurrent = tile.Core.MvmusConcurrent;

        long slices = spec.PhysicalCrossbars;
        long rows = spec.Rows;
        long cols = spec.Cols;
        var kind = tile.Kind;
        var list = new List<(int, long)>
        {
            (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.Crossbar, ComponentActions.Mvm), slices * steps),
            (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.Adc, ComponentActions.Access), cols * slices * steps),
            (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.Dac, ComponentActions.Access), rows * steps),
            (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.SampleHold, ComponentActions.Access), cols * slices * steps),
            (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.ShiftAdd, ComponentActions.Access), (cols * slices * steps) + (cols * steps)),
            (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.InputBuffer, ComponentActions.Read), steps),
            (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.OutputBuffer, ComponentActions.Read), cols * steps),
            (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.OutputBuffer, ComponentActions.Write), cols * steps),
        };
        if (spec.StackLayers > 1 && select is not null)
        {
            list.Add((ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.LayerSelect, ComponentActions.Access), slices * steps));
        }

        _counts = [.. list];
    }

    public AnalogMvmuSpec Spec { get; }

    /// <summary>Cycles of one ADC time (one pipeline stage).</summary>
    public long AdcCycles { get; }

    /// <summary>Cycles of one 3D layer select (0 without stacking).</summary>
    public long SelectCycles { get; }

    public override long LatencyCycles { get; }

    public override bool Concurrent { get; }

    public override UnitKind Unit => UnitKind.AnalogMvmu;

    public override void Count(ActivityLedger ledger, int active, int layer)
    {
        foreach (var (slot, perMvm) in _counts)
        {
            ledger.Add(slot, layer, perMvm * active);
        }
    }
}
