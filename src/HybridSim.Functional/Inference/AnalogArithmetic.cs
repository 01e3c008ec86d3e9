using System.Numerics.Tensors;
using HybridSim.Specs.Architecture;

namespace HybridSim.Functional.Inference;

/// <summary>
/// The analog MVMU's number formats (docs/model.md, "Functional model"): K-bit offset-encoded weights in K / P cells of P bits,
/// I-bit inputs through D-bit DACs, an A-bit ADC over a crossbar of R rows.
/// </summary>
public sealed record AnalogArithmetic(int WeightBits, int InputBits, int BitsPerCell, int DacBits, int AdcBits, int CrossbarRows, int CrossbarCols, AdcRange AdcRange, DeviceSpec Device)
{
    public static AnalogArithmetic Of(AnalogMvmuSpec mvmu)
    {
        ArgumentNullException.ThrowIfNull(mvmu);
        return new AnalogArithmetic(mvmu.WeightBits, mvmu.InputBits, mvmu.BitsPerCell, mvmu.DacBits, mvmu.AdcBits, mvmu.Rows, mvmu.Cols, mvmu.AdcRange, mvmu.Device);
    }

    public int Slices => WeightBits / BitsPerCell;

    public int MaxLevel => (1 << BitsPerCell) - 1;

    public double Offset => Math.ScaleB(1.0, WeightBits - 1);

    /// <summary>Conductance of level 0 in cell levels: MaxLevel / (on_off - 1), so (MaxLevel + floor) / floor = on_off.</summary>
    public double Floor => Device.OnOffRatio is { } ratio ? MaxLevel / (ratio - 1) : 0;

    /// <summary>What the digital periphery subtracts per unit of Σ x_q: the offset 2^(K-1) of the weight encoding
    /// (the conductance floor is already removed by the reference column before the ADC).</summary>
    public double Correction => Offset;

    private double AdcMax => Math.ScaleB(1.0, AdcBits) - 1;

    /// <summary>The full-range ADC's input range: R · (2^P - 1) · (2^D - 1).</summary>
    private double FullRange => (double)CrossbarRows * MaxLevel * ((1 << DacBits) - 1);

    /// <summary>What one ADC level is worth in cell levels: 1 when clipping, range / (2^A - 1) at full range.</summary>
    public double LevelValue => AdcRange == AdcRange.Clip ? 1.0 : FullRange / AdcMax;

    /// <summary>
    /// Converts column values in place into ADC levels (integers 0 .. 2^A - 1; times <see cref="LevelValue"/> they are
    /// the values the shift-and-add sees): round half to even, then clip. The vector form of <see cref="Convert"/>.
    /// </summary>
    public void ConvertToLevels(Span<float> values)
    {
        if (AdcRange == AdcRange.Full)
        {
            TensorPrimitives.Multiply(values, (float)(AdcMax / FullRange), values);
        }

        TensorPrimitives.Round(values, values);
        TensorPrimitives.Max(values, 0f, values);
        TensorPrimitives.Min(values, (float)AdcMax, values);
    }

    /// <summary>One conversion of a column value v (cell levels), as the shift-and-add sees it.</summary>
    public double Convert(double v)
    {
        if (AdcRange == AdcRange.Clip)
        {
            return Math.Clamp(Math.Round(v, MidpointRounding.ToEven), 0, AdcMax);
        }

        var levels = Math.Clamp(Math.Round(v * AdcMax / FullRange, MidpointRounding.ToEven), 0, AdcMax);
        return levels * FullRange / AdcMax;
    }
}
