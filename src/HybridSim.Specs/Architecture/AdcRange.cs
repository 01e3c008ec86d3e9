namespace HybridSim.Specs.Architecture;

/// <summary>How an analog MVMU's ADC maps a column value onto its levels (docs/model.md, "Functional model").</summary>
public enum AdcRange
{
    /// <summary>One ADC level per cell level; values above 2^adc_bits - 1 saturate.</summary>
    Clip,

    /// <summary>The column's full range rows · (2^P - 1) · (2^D - 1) scaled onto 2^adc_bits - 1 levels, rounded, scaled back.</summary>
    Full,
}
