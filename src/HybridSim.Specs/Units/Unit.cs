namespace HybridSim.Specs.Units;

/// <summary>One accepted unit suffix and its factor to the family's SI unit.</summary>
public sealed record Unit(string Symbol, UnitKind Kind, double Factor)
{
    /// <summary>
    /// Converts a number in this unit to SI. Sub-unit factors divide by their exact reciprocal (1e9 for ns), so
    /// "100ns" is the double nearest 1e-7, and the formatter's output parses back to the same bits.
    /// </summary>
    public double ToSi(double number) => Factor < 1 ? number / Math.Round(1 / Factor) : number * Factor;

    public double FromSi(double value) => Factor < 1 ? value * Math.Round(1 / Factor) : value / Factor;
}
