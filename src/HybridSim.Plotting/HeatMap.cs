using System.Collections.Immutable;
using System.Globalization;

namespace HybridSim.Plotting;

/// <summary>
/// A grid of coloured cells (viridis) for two varied keys: <see cref="Values"/>[row][column], rows along y (first row at
/// the bottom), columns along x; a colour bar labelled <see cref="ValueLabel"/>; values printed in cells that are large enough.
/// </summary>
public sealed record HeatMap(
    string Title,
    string XLabel,
    ImmutableArray<string> XCategories,
    string YLabel,
    ImmutableArray<string> YCategories,
    ImmutableArray<ImmutableArray<double>> Values,
    string ValueLabel) : Chart(Title)
{
    internal override void Render(SvgWriter svg, Box area)
    {
        if (Values.Length != YCategories.Length || Values.Any(row => row.Length != XCategories.Length))
        {
            throw new ArgumentException($"heat map '{Title}' needs {YCategories.Length} rows of {XCategories.Length} values");
        }

        var body = RenderTitle(svg, area);
        const double colorBar = 96;
        var plot = ChartLayout.PlotBox(body, colorBar);
        var finite = Values.SelectMany(r => r).Where(double.IsFinite).ToList();
        var ticks = finite.Count == 0 ? Ticks.Linear(0, 1) : Ticks.Linear(finite.Min(), finite.Max(), target: 5);
        var low = finite.Count == 0 ? 0 : finite.Min();
        var high = finite.Count == 0 ? 1 : finite.Max();
        double T(double v) => high > low ? (v - low) / (high - low) : 0.5;
        var cellWidth = plot.Width / Math.Max(1, XCategories.Length);
        var cellHeight = plot.Height / Math.Max(1, YCategories.Length);
        for (var row = 0; row < YCategories.Length; row++)
        {
            for (var column = 0; column < XCategories.Length; column++)
            {
                var value = Values[row][column];
                var x = plot.X + column * cellWidth;
                var y = plot.Bottom - (row + 1) * cellHeight;
                var text = double.IsFinite(value) ? value.ToString("G3", CultureInfo.InvariantCulture) : "n/a";
                var fill = double.IsFinite(value) ? Palette.Viridis(T(value)) : "#BBBBBB";
                svg.Rect(x, y, cellWidth, cellHeight, fill, "#FFFFFF", $"{XCategories[column]}, {YCategories[row]}: {text}");
                if (cellWidth >= SvgWriter.TextWidth(text, 12) + 6 && cellHeight >= 18)
                {
                    svg.Text(x + cellWidth / 2, y + cellHeight / 2 + 4, text, "middle", size: 12, fill: Palette.IsLight(fill) ? SvgWriter.Ink : "#FFFFFF");
                }
            }
        }

        foreach (var column in ChartLayout.VisibleCategories(XCategories, cellWidth))
        {
            svg.Text(plot.X + (column + 0.5) * cellWidth, plot.Bottom + 18, XCategories[column], "middle");
        }

        var rowEvery = Math.Max(1, (int)Math.Ceiling(18 / Math.Max(1, cellHeight)));
        for (var row = 0; row < YCategories.Length; row += rowEvery)
        {
            svg.Text(plot.X - 7, plot.Bottom - (row + 0.5) * cellHeight + 4.5, YCategories[row], "end");
        }

        ChartLayout.XLabel(svg, plot, XLabel);
        svg.Text(body.X + 16, plot.CenterY, YLabel, "middle", rotate: -90);

        // Colour bar: 20 steps of the scale, ticks at nice values inside the data range.
        var barX = plot.Right + 18;
        const int steps = 20;
        for (var i = 0; i < steps; i++)
        {
            var y = plot.Bottom - (i + 1) * plot.Height / steps;
            svg.Rect(barX, y, 14, plot.Height / steps + 0.5, Palette.Viridis((i + 0.5) / steps));
        }

        for (var i = 0; i < ticks.Values.Length; i++)
        {
            var v = ticks.Values[i];
            if (v < low - 1e-12 * Math.Abs(low) || v > high + 1e-12 * Math.Abs(high))
            {
                continue;
            }

            var y = plot.Bottom - T(v) * plot.Height;
            svg.Line(barX + 14, y, barX + 18, y, SvgWriter.Ink);
            svg.Text(barX + 21, y + 4.5, ticks.Labels[i]);
        }

        svg.Text(barX + 82, plot.CenterY, ValueLabel, "middle", rotate: -90);
    }
}
