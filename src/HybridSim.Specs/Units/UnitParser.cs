using System.Globalization;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Units;

/// <summary>
/// Parses "1.8pJ", "100 ns", "64KiB", "0.0012mm2", "1GHz", "18cycles" into SI doubles. Culture-invariant:
/// the decimal separator is always '.', whatever the machine's culture.
/// </summary>
public static class UnitParser
{
    /// <summary>Parses <paramref name="text"/> as <paramref name="kind"/>; <paramref name="clockHz"/> resolves <c>cycles</c>.</summary>
    /// <param name="error">What was wrong and what was expected, when parsing fails.</param>
    public static bool TryParse(string text, UnitKind kind, double? clockHz, out double value, out string error)
    {
        value = 0;
        error = "";
        var expected = "expected " + UnitTable.Describe(kind) + ", e.g. " + Example(kind);
        var s = text.Trim();
        var split = NumberLength(s);
        if (split == 0)
        {
            error = $"'{Excerpt.Of(text)}' is not a number with a unit; {expected}";
            return false;
        }

        var numberText = s[..split];
        var unitText = s[split..].Trim();
        if (unitText.Length > 1 && unitText[0] == ',' && char.IsAsciiDigit(unitText[1]))
        {
            error = $"'{Excerpt.Of(text)}' uses ',' as decimal separator; write '.' (e.g. {numberText}.{unitText[1..]})";
            return false;
        }

        if (!double.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            error = $"'{Excerpt.Of(text)}' is not a number with a unit; {expected}";
            return false;
        }

        if (unitText.Length == 0)
        {
            error = $"'{Excerpt.Of(text)}' has no unit; {expected}";
            return false;
        }

        if (kind == UnitKind.Time && unitText is "cycles" or "cycle")
        {
            if (clockHz is not > 0)
            {
                error = $"'{Excerpt.Of(text)}' is in cycles but no clock is known here; give a time in ns";
                return false;
            }

            value = number / clockHz.Value;
            return true;
        }

        var unit = UnitTable.Find(unitText);
        if (unit is null)
        {
            var other = UnitTable.All.FirstOrDefault(u => string.Equals(u.Symbol, unitText, StringComparison.OrdinalIgnoreCase) && u.Kind == kind);
            error = other is not null
                ? $"unknown unit '{unitText}' in '{Excerpt.Of(text)}' (units are case-sensitive: did you mean '{other.Symbol}'?); {expected}"
                : $"unknown unit '{unitText}' in '{Excerpt.Of(text)}'; {expected}";
            return false;
        }

        if (unit.Kind != kind)
        {
            error = $"'{Excerpt.Of(text)}' is {UnitTable.Noun(unit.Kind)}, not {UnitTable.Noun(kind)}; {expected}";
            return false;
        }

        value = unit.ToSi(number);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> (for tests and trusted text).</summary>
    public static double Parse(string text, UnitKind kind, double? clockHz = null) =>
        TryParse(text, kind, clockHz, out var v, out var error) ? v : throw new FormatException(error);

    public static string Example(UnitKind kind) => kind switch
    {
        UnitKind.Time => "'100ns'",
        UnitKind.Energy => "'1.8pJ'",
        UnitKind.Power => "'0.2mW'",
        UnitKind.Area => "'0.0012mm2'",
        UnitKind.Size => "'64KiB'",
        UnitKind.Frequency => "'1GHz'",
        UnitKind.Resistance => "'2.5ohm'",
        UnitKind.Conductance => "'175uS'",
        _ => "",
    };

    /// <summary>Length of the leading number: sign, digits, one '.', exponent.</summary>
    private static int NumberLength(string s)
    {
        var i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            i++;
        }

        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return 0;
        }

        // An exponent only when followed by digits, so "1e-3J" parses but "1Ei" does not swallow the unit.
        if (i + 1 < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            var j = i + 1;
            if (j < s.Length && (s[j] == '+' || s[j] == '-'))
            {
                j++;
            }

            if (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                while (j < s.Length && char.IsAsciiDigit(s[j]))
                {
                    j++;
                }

                i = j;
            }
        }

        return i;
    }
}
