using System.Collections.Immutable;
using System.Globalization;

namespace HybridSim.Plotting;

/// <summary>
/// Bars per category, grouped or stacked (e.g. energy by component for each sweep point); a series without its own
/// <see cref="BarSeries.Color"/> takes the palette colour of its position.
/// </summary>
public sealed record BarChart(string Title, string CategoryLabel, ImmutableArray<string> Categories, Axis YAxis, ImmutableArray<BarSeries> Series, BarMode Mode) : Chart(Title)
{
    internal override void Render(SvgWriter svg, Box area)
    {
        foreach (var series in Series)
        {
            if (series.Values.Length != Categories.Length)
            {
                throw new ArgumentException($"bar series '{series.Name}' has {series.Values.Length} values for {Categories.Length} categories");
            }

            if (Mode == BarMode.Stacked && series.Values.Any(v => v < 0))
            {
                throw new ArgumentException($"stacked bar series '{series.Name}' has a negative value");
            }
        }

        var body = RenderTitle(svg, area);
        var legend = Legend();
        var plot = ChartLayout.PlotBox(body, Math.Max(MinLegendWidth, ChartLayout.LegendWidth(legend)));
        var data = Mode == BarMode.Stacked
            ? Enumerable.Range(0, Categories.Length).Select(c => Series.Sum(s => Finite(s.Values[c])))
            : Series.SelectMany(s => s.Values);
        var yTicks = ChartLayout.ValueTicks(YAxis with { IncludeZero = true, Scale = AxisScale.Linear }, data, target: 6);
        ChartLayout.YAxis(svg, plot, yTicks, YAxis.Label, body);
        double Py(double y) => plot.Bottom - yTicks.Fraction(y) * plot.Height;
        var band = plot.Width / Math.Max(1, Categories.Length);
        var barWidth = Mode == BarMode.Stacked ? band * 0.7 : band * 0.8 / Math.Max(1, Series.Length);
        for (var c = 0; c < Categories.Length; c++)
        {
            var left = plot.X + c * band + band * (Mode == BarMode.Stacked ? 0.15 : 0.1);
            var stackTop = 0.0;
            for (var s = 0; s < Series.Length; s++)
            {
                var value = Finite(Series[s].Values[c]);
                var title = $"{Categories[c]}: {Series[s].Name} {value.ToString("G6", CultureInfo.InvariantCulture)}";
                if (Mode == BarMode.Stacked)
                {
                    if (value > 0)
                    {
                        svg.Rect(left, Py(stackTop + value), barWidth, Py(stackTop) - Py(stackTop + value), ColorOf(s), title: title);
                    }

                    stackTop += value;
                }
                else
                {
                    var top = Py(Math.Max(0, value));
                    var bottom = Py(Math.Min(0, value));
                    svg.Rect(left + s * barWidth, top, barWidth, bottom - top, ColorOf(s), title: title);
                }
            }
        }

        foreach (var c in ChartLayout.VisibleCategories(Categories, band))
        {
            svg.Text(plot.X + (c + 0.5) * band, plot.Bottom + 18, Categories[c], "middle");
        }

        ChartLayout.XLabel(svg, plot, CategoryLabel);
        ChartLayout.Frame(svg, plot);
        ChartLayout.Legend(svg, plot, legend);
    }

    internal override double LegendWidth => ChartLayout.LegendWidth(Legend());

    private List<LegendEntry> Legend() => ShowLegend ? Series.Select((s, i) => new LegendEntry(s.Name, ColorOf(i), null)).ToList() : [];

    private string ColorOf(int index) => Series[index].Color ?? Palette.SeriesColor(index);

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
