namespace HybridSim.Specs.Architecture;

/// <summary>
/// MVM timing (docs/references.md, PUMA tables 3.3, 3.4 and 4.2), shared by the compiler's cost estimate and the hardware's MVMU
/// models. The durations are converted to cycles by the caller (checked in the hardware, saturating in the estimate),
/// with the one rounding rule of <see cref="ClockCycles"/>.
/// </summary>
public static class MvmuTiming
{
    /// <summary>
    /// Cycles of one analog MVM: ADC time × (input steps + pipeline stages − 1), plus layer-select time × input steps for
    /// a 3D stack (<see cref="AnalogMvmuSpec.StackLayers"/> &gt; 1): 100 ns × (16 + 3 − 1) = 1800 cycles for PUMA.
    /// </summary>
    public static long AnalogLatencyCycles(AnalogMvmuSpec spec, long adcCycles, long layerSelectCycles)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var select = spec.StackLayers > 1 ? layerSelectCycles : 0;
        return (adcCycles * (spec.InputSteps + spec.PipelineStages - 1)) + (select * spec.InputSteps);
    }

    /// <summary>Seconds of one digital MVM: the table's latency, or Cols × row-pass time for the per-MAC model.</summary>
    public static double DigitalLatencySeconds(DigitalMvmuSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.CostModel == DigitalCostModel.Table ? spec.MvmLatencySeconds : spec.Cols * spec.RowPassSeconds;
    }

    /// <summary>
    /// Cycles an mvm instruction occupies its core with <paramref name="active"/> MVMUs masked: one MVM's latency when
    /// the core's MVMUs run side by side (<see cref="CoreSpec.MvmusConcurrent"/>), their sum when they run one after another.
    /// </summary>
    public static long InstructionCycles(long latencyCycles, bool concurrent, int active) =>
        active == 0 ? 0 : concurrent ? latencyCycles : latencyCycles * active;
}
