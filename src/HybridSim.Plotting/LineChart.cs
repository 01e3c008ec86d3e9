using System.Collections.Immutable;
using System.Globalization;

namespace HybridSim.Plotting;

/// <summary>Lines with markers (one colour and marker shape per series), optional dashed reference line (e.g. y = 1 for ratios).</summary>
public sealed record LineChart(string Title, Axis XAxis, Axis YAxis, ImmutableArray<LineSeries> Series, double? ReferenceY = null) : Chart(Title)
{
    internal override void Render(SvgWriter svg, Box area)
    {
        var body = RenderTitle(svg, area);
        var legend = Series.Length > 1 || (Series.Length == 1 && Series[0].Name.Length > 0)
            ? Series.Select((s, i) => new LegendEntry(s.Name, Palette.SeriesColor(i), i)).ToList()
            : [];
        var plot = ChartLayout.PlotBox(body, ChartLayout.LegendWidth(legend));
        var points = Series.SelectMany(s => s.X.Zip(s.Y)).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second))
            .Where(p => XAxis.Scale == AxisScale.Linear || p.First > 0).ToList();
        var xTicks = ChartLayout.ValueTicks(XAxis, points.Select(p => p.First), target: 8);
        var yData = points.Select(p => p.Second).ToList();
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
            var color = Palette.SeriesColor(i);
            var run = new List<(double X, double Y)>();
            var markers = new List<(double X, double Y, string Title)>();
            for (var k = 0; k < series.X.Length; k++)
            {
                var (x, y) = (series.X[k], series.Y[k]);
                var visible = double.IsFinite(x) && double.IsFinite(y)
                    && (XAxis.Scale == AxisScale.Linear || x > 0) && (YAxis.Scale == AxisScale.Linear || y > 0);
                if (!visible)
                {
                    Flush(svg, run, color);
                    continue;
                }

                run.Add((Px(x), Py(y)));
                markers.Add((Px(x), Py(y), $"{series.Name} ({Fmt(x)}, {Fmt(y)})".Trim()));
            }

            Flush(svg, run, color);
            foreach (var (x, y, title) in markers)
            {
                svg.Marker(x, y, i, color, title);
            }
        }

        ChartLayout.Frame(svg, plot);
        ChartLayout.Legend(svg, plot, legend);
    }

    private static void Flush(SvgWriter svg, List<(double X, double Y)> run, string color)
    {
        if (run.Count > 1)
        {
            svg.Polyline(run, color);
        }

        run.Clear();
    }

    private static string Fmt(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
