using System.Collections.Immutable;
using System.Globalization;

namespace HybridSim.Plotting;

/// <summary>
/// Lines with markers (one colour and marker shape per series unless the series says otherwise), optional error bars and
/// point labels, optional dashed reference line (e.g. y = 1 for ratios). Series are drawn in order, so a later series
/// (e.g. rings marking chosen points) sits on top of an earlier one.
/// </summary>
public sealed record LineChart(string Title, Axis XAxis, Axis YAxis, ImmutableArray<LineSeries> Series, double? ReferenceY = null) : Chart(Title)
{
    private const double LabelSize = 11;

    internal override void Render(SvgWriter svg, Box area)
    {
        foreach (var series in Series)
        {
            Validate(series);
        }

        var body = RenderTitle(svg, area);
        var legend = Legend();
        var plot = ChartLayout.PlotBox(body, Math.Max(MinLegendWidth, ChartLayout.LegendWidth(legend)));
        var points = Series.SelectMany(s => s.X.Zip(s.Y)).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second))
            .Where(p => XAxis.Scale == AxisScale.Linear || p.First > 0).ToList();
        var xTicks = ChartLayout.ValueTicks(XAxis, points.Select(p => p.First), target: 8);
        var yData = points.Select(p => p.Second).ToList();
        yData.AddRange(Series.SelectMany(ErrorEnds));
        if (ReferenceY is double reference)
        {
            yData.Add(reference);
        }

        var yTicks = ChartLayout.ValueTicks(YAxis, yData, target: 6);
        ChartLayout.YAxis(svg, plot, yTicks, YAxis.Label, body);
        ChartLayout.XAxis(svg, plot, xTicks, XAxis.Label);
        double Px(double x) => plot.X + xTicks.Fraction(x) * plot.Width;
        double Py(double y) => plot.Bottom - yTicks.Fraction(y) * plot.Height;
        if (ReferenceY is double r && (YAxis.Scale == AxisScale.Linear || r > 0))
        {
            svg.Line(plot.X, Py(r), plot.Right, Py(r), "#777777", 1.2, "6 4");
        }

        if (points.Count == 0)
        {
            svg.Text(plot.CenterX, plot.CenterY, "no data", "middle", fill: "#777777");
        }

        for (var i = 0; i < Series.Length; i++)
        {
            var series = Series[i];
            var color = ColorOf(series, i);
            var run = new List<(double X, double Y)>();
            var markers = new List<(double X, double Y, string Title)>();
            var bars = new List<(double X, double Low, double High)>();
            var labels = new List<(double X, double Y, string Text)>();
            for (var k = 0; k < series.X.Length; k++)
            {
                var (x, y) = (series.X[k], series.Y[k]);
                var visible = double.IsFinite(x) && double.IsFinite(y)
                    && (XAxis.Scale == AxisScale.Linear || x > 0) && (YAxis.Scale == AxisScale.Linear || y > 0);
                if (!visible)
                {
                    Flush(svg, run, color, series.Line);
                    continue;
                }

                var error = series.YError.IsDefaultOrEmpty ? double.NaN : series.YError[k];
                var hasError = double.IsFinite(error) && error > 0 && (YAxis.Scale == AxisScale.Linear || y - error > 0);
                if (hasError)
                {
                    bars.Add((Px(x), Py(y - error), Py(y + error)));
                }

                if (!series.PointLabels.IsDefaultOrEmpty && series.PointLabels[k].Length > 0)
                {
                    labels.Add((Px(x), Py(y), series.PointLabels[k]));
                }

                run.Add((Px(x), Py(y)));
                var at = hasError ? $"({Fmt(x)}, {Fmt(y)} ± {Fmt(error)})" : $"({Fmt(x)}, {Fmt(y)})";
                markers.Add((Px(x), Py(y), $"{series.Name} {at}".Trim()));
            }

            Flush(svg, run, color, series.Line);
            foreach (var (x, low, high) in bars)
            {
                svg.Line(x, low, x, high, color, 1.2);
                svg.Line(x - 3, low, x + 3, low, color, 1.2);
                svg.Line(x - 3, high, x + 3, high, color, 1.2);
            }

            var marker = MarkerOf(series, i);
            foreach (var (x, y, title) in markers)
            {
                svg.Marker(x, y, marker, color, title);
            }

            foreach (var (x, y, text) in labels)
            {
                // Above and to the right of the point; to the left when that would leave the plot.
                var right = x + 8 + SvgWriter.TextWidth(text, LabelSize) <= plot.Right;
                svg.Text(right ? x + 8 : x - 8, y - 8, text, right ? "start" : "end", size: LabelSize);
            }
        }

        ChartLayout.Frame(svg, plot);
        ChartLayout.Legend(svg, plot, legend);
    }

    internal override double LegendWidth => ChartLayout.LegendWidth(Legend());

    private List<LegendEntry> Legend() => Series.Select((s, i) => (Series: s, Index: i)).Where(p => ShowLegend && p.Series.Name.Length > 0)
        .Select(p => new LegendEntry(p.Series.Name, ColorOf(p.Series, p.Index), MarkerOf(p.Series, p.Index), p.Series.Line)).ToList();

    private static string ColorOf(LineSeries series, int index) => series.Color ?? Palette.SeriesColor(index);

    private static MarkerShape MarkerOf(LineSeries series, int index) => series.Marker ?? Palette.SeriesMarker(index);

    private static void Validate(LineSeries series)
    {
        if (!series.YError.IsDefaultOrEmpty && series.YError.Length != series.Y.Length)
        {
            throw new ArgumentException($"series '{series.Name}' has {series.YError.Length} error values for {series.Y.Length} points");
        }

        if (!series.PointLabels.IsDefaultOrEmpty && series.PointLabels.Length != series.Y.Length)
        {
            throw new ArgumentException($"series '{series.Name}' has {series.PointLabels.Length} point labels for {series.Y.Length} points");
        }
    }

    /// <summary>The ends of the error bars, so the y axis covers them.</summary>
    private IEnumerable<double> ErrorEnds(LineSeries series)
    {
        if (series.YError.IsDefaultOrEmpty)
        {
            yield break;
        }

        for (var k = 0; k < series.Y.Length; k++)
        {
            var (x, y, e) = (series.X[k], series.Y[k], series.YError[k]);
            if (double.IsFinite(x) && double.IsFinite(y) && double.IsFinite(e) && e > 0 && (XAxis.Scale == AxisScale.Linear || x > 0))
            {
                yield return y - e;
                yield return y + e;
            }
        }
    }

    private static void Flush(SvgWriter svg, List<(double X, double Y)> run, string color, LineStyle line)
    {
        if (run.Count > 1 && line != LineStyle.None)
        {
            svg.Polyline(run, color, dash: SvgWriter.Dash(line));
        }

        run.Clear();
    }

    private static string Fmt(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
