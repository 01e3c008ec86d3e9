using System.Globalization;

namespace HybridSim.Specs.Units;

/// <summary>
/// Formats SI values with a readable unit ("170pJ", "100ns") that parses back to exactly the same double,
/// culture-invariant; used by the resolved-spec writer so its output round-trips through the loader.
/// </summary>
public static class UnitFormatter
{
    public static string Format(double value, UnitKind kind)
    {
        if (value == 0)
        {
            return "0" + UnitTable.All.First(u => u.Kind == kind && u.Factor == 1.0).Symbol;
        }

        var unit = Preferred(kind, Math.Abs(value));
        var text = Shortest(value, unit);
        if (text is not null)
        {
            return text;
        }

        // Fall back to the base unit, where the factor is 1 and "R" always round-trips.
        var baseUnit = UnitTable.All.First(u => u.Kind == kind && u.Factor == 1.0);
        return value.ToString("R", CultureInfo.InvariantCulture) + baseUnit.Symbol;
    }

    /// <summary>The largest unit of the family not larger than the value (bits and m2 are never chosen).</summary>
    private static Unit Preferred(UnitKind kind, double magnitude)
    {
        var candidates = UnitTable.All
            .Where(u => u.Kind == kind && u.Symbol is not ("bit" or "bits" or "m2" or "mJ"))
            .OrderBy(u => u.Factor)
            .ToList();
        var chosen = candidates[0];
        foreach (var u in candidates)
        {
            if (magnitude >= u.Factor * 0.9999999)
            {
                chosen = u;
            }
        }

        return chosen;
    }

    private static string? Shortest(double value, Unit unit)
    {
        var scaled = unit.FromSi(value);
        for (var digits = 0; digits <= 15; digits++)
        {
            var text = Math.Round(scaled, digits, MidpointRounding.AwayFromZero).ToString("R", CultureInfo.InvariantCulture);
            if (Matches(text, unit, value))
            {
                return text + unit.Symbol;
            }
        }

        var exact = scaled.ToString("R", CultureInfo.InvariantCulture);
        return Matches(exact, unit, value) ? exact + unit.Symbol : null;
    }

    private static bool Matches(string text, Unit unit, double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var back) && unit.ToSi(back) == value;
}
