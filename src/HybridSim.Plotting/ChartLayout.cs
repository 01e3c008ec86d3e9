using System.Collections.Immutable;

namespace HybridSim.Plotting;

/// <summary>Shared pieces of the cartesian charts: plot-area margins, grid, tick labels, axis labels, legend.</summary>
internal static class ChartLayout
{
    public const double LeftMargin = 78;
    public const double BottomMargin = 54;
    public const double RightMargin = 18;
    public const double LegendSwatch = 26;

    /// <summary>Width the legend needs at the right of the plot (0 without entries).</summary>
    public static double LegendWidth(IReadOnlyList<LegendEntry> entries) =>
        entries.Count == 0 ? 0 : LegendSwatch + 8 + entries.Max(e => SvgWriter.TextWidth(e.Name)) + 12;

    /// <summary>The plot rectangle inside <paramref name="area"/> (after the title) leaving room for labels and legend.</summary>
    public static Box PlotBox(Box area, double legendWidth) =>
        new(area.X + LeftMargin, area.Y + 6, Math.Max(40, area.Width - LeftMargin - RightMargin - legendWidth), Math.Max(40, area.Height - 6 - BottomMargin));

    public static void Legend(SvgWriter svg, Box plot, IReadOnlyList<LegendEntry> entries)
    {
        var x = plot.Right + 14;
        var y = plot.Y + 8;
        foreach (var entry in entries)
        {
            if (entry.Marker is MarkerShape marker)
            {
                if (entry.Line != LineStyle.None)
                {
                    svg.Line(x, y, x + LegendSwatch, y, entry.Color, 2, SvgWriter.Dash(entry.Line));
                }

                svg.Marker(x + LegendSwatch / 2, y, marker, entry.Color);
            }
            else
            {
                svg.Rect(x + 6, y - 6, 12, 12, entry.Color);
            }

            svg.Text(x + LegendSwatch + 8, y + 4.5, entry.Name);
            y += 20;
        }
    }

    /// <summary>Horizontal grid lines and labels for the y ticks; returns the y pixel of each tick.</summary>
    public static void YAxis(SvgWriter svg, Box plot, TickSet ticks, string label, Box area)
    {
        for (var i = 0; i < ticks.Values.Length; i++)
        {
            var y = plot.Bottom - ticks.Fraction(ticks.Values[i]) * plot.Height;
            svg.Line(plot.X, y, plot.Right, y, SvgWriter.Grid);
            svg.Text(plot.X - 7, y + 4.5, ticks.Labels[i], "end");
        }

        svg.Text(area.X + 16, plot.CenterY, label, "middle", rotate: -90);
    }

    /// <summary>Vertical grid lines and labels for numeric x ticks.</summary>
    public static void XAxis(SvgWriter svg, Box plot, TickSet ticks, string label)
    {
        for (var i = 0; i < ticks.Values.Length; i++)
        {
            var x = plot.X + ticks.Fraction(ticks.Values[i]) * plot.Width;
            svg.Line(x, plot.Y, x, plot.Bottom, SvgWriter.Grid);
            svg.Text(x, plot.Bottom + 18, ticks.Labels[i], "middle");
        }

        XLabel(svg, plot, label);
    }

    public static void XLabel(SvgWriter svg, Box plot, string label) => svg.Text(plot.CenterX, plot.Bottom + 42, label, "middle");

    /// <summary>The left and bottom axis lines, drawn last so the grid does not cover them.</summary>
    public static void Frame(SvgWriter svg, Box plot)
    {
        svg.Line(plot.X, plot.Y, plot.X, plot.Bottom, SvgWriter.Ink);
        svg.Line(plot.X, plot.Bottom, plot.Right, plot.Bottom, SvgWriter.Ink);
    }

    /// <summary>Ticks for a value axis over the data (plus forced ends and zero when asked).</summary>
    public static TickSet ValueTicks(Axis axis, IEnumerable<double> data, int target)
    {
        var values = data.Where(double.IsFinite).Where(v => axis.Scale == AxisScale.Linear || v > 0).ToList();
        if (axis.Min is double min)
        {
            values.Add(min);
        }

        if (axis.Max is double max)
        {
            values.Add(max);
        }

        if (axis.IncludeZero && axis.Scale == AxisScale.Linear)
        {
            values.Add(0);
        }

        if (values.Count == 0)
        {
            values.AddRange(axis.Scale == AxisScale.Log2 ? [1, 2] : [0, 1]);
        }

        return axis.Scale == AxisScale.Log2 ? Ticks.Log2(values.Min(), values.Max()) : Ticks.Linear(values.Min(), values.Max(), target);
    }

    /// <summary>Indices of category labels to show so that neighbours do not overlap.</summary>
    public static ImmutableArray<int> VisibleCategories(IReadOnlyList<string> categories, double bandWidth)
    {
        if (categories.Count == 0)
        {
            return [];
        }

        var widest = categories.Max(c => SvgWriter.TextWidth(c)) + 6;
        var every = Math.Max(1, (int)Math.Ceiling(widest / Math.Max(1, bandWidth)));
        return Enumerable.Range(0, categories.Count).Where(i => i % every == 0).ToImmutableArray();
    }
}
