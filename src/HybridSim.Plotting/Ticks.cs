using System.Collections.Immutable;
using System.Globalization;

namespace HybridSim.Plotting;

/// <summary>
/// "Nice" axis ticks (Heckbert, Graphics Gems 1990): steps of 1, 2 or 5 × 10^k on linear axes, powers of two on log2
/// axes, and labels with just enough decimals for the step, in invariant culture.
/// </summary>
public static class Ticks
{
    /// <summary>Ticks covering [min, max] with about <paramref name="target"/> intervals; the ends are rounded outwards to ticks.</summary>
    public static TickSet Linear(double min, double max, int target = 6)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException($"axis range [{min}, {max}] is not finite");
        }

        if (min > max)
        {
            (min, max) = (max, min);
        }

        if (min == max)
        {
            // A flat series still deserves an axis: widen by 10% of the value (or by 1 around zero).
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            min -= pad;
            max += pad;
        }

        var step = NiceNumber((max - min) / Math.Max(1, target), round: true);
        var first = Math.Floor(min / step + 1e-9);
        var last = Math.Ceiling(max / step - 1e-9);
        var decimals = Math.Max(0, (int)-Math.Floor(Math.Log10(step) + 1e-9));
        var values = ImmutableArray.CreateBuilder<double>();
        for (var i = first; i <= last; i++)
        {
            values.Add(Clean(Math.Round(i * step, Math.Min(15, decimals + 1))));
        }

        var ticks = values.ToImmutable();
        return new TickSet(ticks[0], ticks[^1], ticks, Labels(ticks, step), AxisScale.Linear);
    }

    /// <summary>Powers of two covering [min, max] (both &gt; 0); every k-th power when there would be more than <paramref name="maxTicks"/>.</summary>
    public static TickSet Log2(double min, double max, int maxTicks = 12)
    {
        if (!(min > 0) || !(max > 0) || !double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException($"a log2 axis needs a positive finite range, got [{min}, {max}]");
        }

        if (min > max)
        {
            (min, max) = (max, min);
        }

        var lo = (int)Math.Floor(Math.Log2(min) + 1e-9);
        var hi = (int)Math.Ceiling(Math.Log2(max) - 1e-9);
        if (hi == lo)
        {
            lo--;
            hi++;
        }

        var every = 1;
        while ((hi - lo) / every + 1 > maxTicks)
        {
            every++;
        }

        lo = FloorTo(lo, every);
        hi = -FloorTo(-hi, every);
        var values = ImmutableArray.CreateBuilder<double>();
        for (var e = lo; e <= hi; e += every)
        {
            values.Add(Math.Pow(2, e));
        }

        var ticks = values.ToImmutable();
        var labels = ticks.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToImmutableArray();
        return new TickSet(ticks[0], ticks[^1], ticks, labels, AxisScale.Log2);
    }

    /// <summary>
    /// Label for a tick at <paramref name="value"/> on an axis with spacing <paramref name="step"/>: fixed decimals
    /// ("0.25", "1800"), or compact scientific ("2.5e6") when the values are very large or very small.
    /// </summary>
    public static string Format(double value, double step, double largest)
    {
        if (value == 0)
        {
            return "0";
        }

        var magnitude = Math.Abs(largest);
        if (magnitude >= 1e6 || magnitude < 1e-3)
        {
            var exponent = (int)Math.Floor(Math.Log10(magnitude) + 1e-9);
            var scale = Math.Pow(10, exponent);
            var mantissaDecimals = Math.Max(0, (int)-Math.Floor(Math.Log10(step / scale) + 1e-9));
            var mantissa = Clean(Math.Round(value / scale, mantissaDecimals));
            return mantissa.ToString("F" + mantissaDecimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
                + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        }

        var decimals = Math.Max(0, (int)-Math.Floor(Math.Log10(step) + 1e-9));
        return Clean(value).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static ImmutableArray<string> Labels(ImmutableArray<double> ticks, double step)
    {
        var largest = ticks.Select(Math.Abs).Max();
        return ticks.Select(v => Format(v, step, largest)).ToImmutableArray();
    }

    /// <summary>The nice number (1, 2, 5 × 10^k) nearest to <paramref name="x"/> (round) or not below it.</summary>
    private static double NiceNumber(double x, bool round)
    {
        var exponent = Math.Floor(Math.Log10(x));
        var fraction = x / Math.Pow(10, exponent);
        double nice = round
            ? fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
            : fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * Math.Pow(10, exponent);
    }

    private static int FloorTo(int value, int multiple) => (int)Math.Floor(value / (double)multiple) * multiple;

    // Avoid "-0" in output.
    private static double Clean(double value) => value == 0 ? 0 : value;
}
