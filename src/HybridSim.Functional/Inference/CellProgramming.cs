namespace HybridSim.Functional.Inference;

/// <summary>
/// What one RRAM cell adds to its column once programmed, in cell levels, with the device block's effects in this
/// order: stuck cells, programming variation, then the first-order wire model. Level 0 conducts the floor
/// (on/off ratio); a reference column subtracts the nominal floor before the ADC, so what is returned is the
/// conductance above it: exactly d for an ideal cell, and the floor's share of variation and IR drop otherwise.
/// Each draw is addressed by the cell's key, so a chip seed always programs the same chip.
/// </summary>
public static class CellProgramming
{
    private const long StuckStream = 1;
    private const long VariationStream = 2;

    public static float Program(AnalogArithmetic arithmetic, int digit, int row, int col, ulong cellKey)
    {
        ArgumentNullException.ThrowIfNull(arithmetic);
        var device = arithmetic.Device;
        var floor = arithmetic.Floor;
        var top = arithmetic.MaxLevel + floor;
        double g;
        var stuck = device.StuckAtLowRate + device.StuckAtHighRate > 0
            ? CounterRandom.Uniform(CounterRandom.Key(cellKey, StuckStream))
            : 1.0;
        if (stuck < device.StuckAtLowRate)
        {
            g = floor;
        }
        else if (stuck < device.StuckAtLowRate + device.StuckAtHighRate)
        {
            g = top;
        }
        else
        {
            g = digit + floor;
            if (device.ProgrammingSigma > 0)
            {
                var z = CounterRandom.Normal(CounterRandom.Key(cellKey, VariationStream));
                g = device.Distribution == Specs.Architecture.ProgrammingDistribution.Lognormal
                    ? g * Math.Exp(device.ProgrammingSigma * z)
                    : g + (device.ProgrammingSigma * z);
            }

            g = Math.Max(g, 0);
        }

        if (device.HasWireModel)
        {
            // First-order IR drop: the cell's current passes (col + 1) word-line segments from the driver at column 0
            // and (rows - row) bit-line segments to the sense amplifier below the last row; the series resistance
            // scales its conductance by 1 / (1 + g·R_wire·segments), so larger crossbars lose more.
            var segments = (col + 1) + (arithmetic.CrossbarRows - row);
            var cellConductance = g / top / device.CellResistanceOhms!.Value;
            g /= 1 + (cellConductance * device.WireResistanceOhms!.Value * segments);
        }

        return (float)(g - floor);
    }
}
