using System.Collections.Immutable;

namespace HybridSim.Plotting;

/// <summary>
/// A complete SVG: an optional title over panels laid out in <see cref="Columns"/> columns, each
/// <see cref="PanelWidth"/> × <see cref="PanelHeight"/> pixels. With <see cref="AlignColumns"/>, the panels of a column
/// keep the same room for their legends, so their plots (and x axes) line up. A figure whose panels share their series
/// gives one <see cref="Legend"/>, drawn once under the title in rows that wrap to the figure's width (its panels then
/// set <see cref="Chart.ShowLegend"/> to false). Same figure, same bytes.
/// </summary>
public sealed record Figure(string Title, ImmutableArray<Chart> Panels, int Columns = 1, int PanelWidth = Figure.DefaultWidth, int PanelHeight = Figure.DefaultHeight, bool AlignColumns = false)
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 500;

    private const double LegendRowHeight = 20;
    private const double LegendMargin = 20;
    private const double LegendSwatch = 12;
    private const double LegendGap = 24;

    /// <summary>The figure's one legend for all panels (empty: none, each panel keeps its own).</summary>
    public ImmutableArray<LegendItem> Legend { get; init; } = [];

    /// <summary>Where each entry of <see cref="Legend"/> goes: rows of entries that fit the width, each row centred.</summary>
    internal static ImmutableArray<(LegendItem Item, double X, int Row)> LegendLayout(ImmutableArray<LegendItem> items, double width)
    {
        static double Width(LegendItem item) => LegendSwatch + 6 + SvgWriter.TextWidth(item.Name);
        var rows = new List<List<LegendItem>>();
        var used = 0.0;
        foreach (var item in items.IsDefault ? [] : items)
        {
            var needed = (rows.Count == 0 || rows[^1].Count == 0 ? 0 : LegendGap) + Width(item);
            if (rows.Count == 0 || (rows[^1].Count > 0 && used + needed > width - 2 * LegendMargin))
            {
                rows.Add([]);
                used = 0;
                needed = Width(item);
            }

            rows[^1].Add(item);
            used += needed;
        }

        var placed = ImmutableArray.CreateBuilder<(LegendItem, double, int)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var rowWidth = rows[r].Sum(Width) + LegendGap * (rows[r].Count - 1);
            var x = Math.Max(LegendMargin, (width - rowWidth) / 2);
            foreach (var item in rows[r])
            {
                placed.Add((item, x, r));
                x += Width(item) + LegendGap;
            }
        }

        return placed.ToImmutable();
    }

    public string ToSvg()
    {
        var columns = Math.Max(1, Columns);
        var rows = (Panels.Length + columns - 1) / columns;
        var width = columns * PanelWidth;
        var legend = LegendLayout(Legend, width);
        var titleTop = string.IsNullOrEmpty(Title) ? 0 : 34;
        var legendRows = legend.IsEmpty ? 0 : legend.Max(p => p.Row) + 1;
        var titleBand = titleTop + (legendRows == 0 ? 0 : (int)Math.Ceiling(8 + legendRows * LegendRowHeight));
        var height = titleBand + Math.Max(1, rows) * PanelHeight;
        var svg = new SvgWriter();
        svg.Raw($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{SvgWriter.FontFamily}\" font-size=\"{SvgWriter.N(SvgWriter.FontSize)}\" fill=\"{SvgWriter.Ink}\">");
        var documentTitle = !string.IsNullOrEmpty(Title) ? Title : string.Join(" / ", Panels.Select(p => p.Title).Where(t => t.Length > 0));
        if (documentTitle.Length > 0)
        {
            svg.Raw($"<title>{SvgWriter.Escape(documentTitle)}</title>");
        }

        svg.Rect(0, 0, width, height, "#FFFFFF");
        if (titleBand > 0)
        {
            svg.Text(width / 2.0, 24, Title, "middle", size: 17, bold: true);
        }

        foreach (var (item, x, row) in legend)
        {
            var y = titleTop + 8 + (row + 0.5) * LegendRowHeight;
            svg.Rect(x, y - LegendSwatch / 2, LegendSwatch, LegendSwatch, item.Color);
            svg.Text(x + LegendSwatch + 6, y + 4.5, item.Name);
        }

        var legendWidths = Enumerable.Range(0, columns)
            .Select(c => AlignColumns ? Panels.Where((_, i) => i % columns == c).Select(p => p.LegendWidth).DefaultIfEmpty(0).Max() : 0).ToArray();
        for (var i = 0; i < Panels.Length; i++)
        {
            var box = new Box(i % columns * PanelWidth, titleBand + i / columns * PanelHeight, PanelWidth, PanelHeight);
            svg.Raw("<g>");
            (Panels[i] with { MinLegendWidth = Math.Max(Panels[i].MinLegendWidth, legendWidths[i % columns]) }).Render(svg, box);
            svg.Raw("</g>");
        }

        svg.Raw("</svg>");
        return svg.ToString();
    }
}
