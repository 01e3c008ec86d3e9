using System.Collections.Immutable;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// RRAM crossbar MVMU: WeightBits / BitsPerCell physical crossbars (each of StackLayers 3D layers),
/// inputs streamed InputBits / DacBits steps through DACs, one ADC conversion per column per step.
/// Components (per MVMU, Count already per MVMU): <c>xbar</c>, <c>adc</c>, <c>dac</c>, <c>snh</c>, <c>sna</c>,
/// <c>input_buffer</c>, <c>output_buffer</c>, optionally <c>layer_select</c> for 3D stacks.
/// </summary>
public sealed record AnalogMvmuSpec(
    int Rows,
    int Cols,
    int WeightBits,
    int InputBits,
    int BitsPerCell,
    int DacBits,
    int AdcBits,
    int Adcs,
    int StackLayers,
    int PipelineStages,
    ImmutableArray<ComponentSpec> Components)
    : MvmuSpec(Rows, Cols, WeightBits, InputBits, Components)
{
    /// <summary>How the ADC maps column values onto its levels (functional model).</summary>
    public AdcRange AdcRange { get; init; } = AdcRange.Clip;

    /// <summary>The ADC's sampling rate, conversions per second; null when the file does not state it. Used only by
    /// component scaling rules (<c>stated_for: {adc_rate: ...}</c>, docs/architecture-files.md, "Your own architecture").</summary>
    public double? AdcRateHz { get; init; }

    /// <summary>The cells' non-idealities (functional model); ideal unless the file gives a <c>device</c> block.</summary>
    public DeviceSpec Device { get; init; } = DeviceSpec.Ideal;

    /// <summary>Physical crossbars (bit slices) that make one logical MVMU.</summary>
    public int PhysicalCrossbars => WeightBits / BitsPerCell;

    /// <summary>Input streaming steps per MVM.</summary>
    public int InputSteps => (InputBits + DacBits - 1) / DacBits;
}
