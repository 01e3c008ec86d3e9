using System.Collections.Immutable;

namespace HybridSim.Plotting;

/// <summary>
/// A complete SVG: an optional title over panels laid out in <see cref="Columns"/> columns, each
/// <see cref="PanelWidth"/> × <see cref="PanelHeight"/> pixels. With <see cref="AlignColumns"/>, the panels of a column
/// keep the same room for their legends, so their plots (and x axes) line up. Same figure, same bytes.
/// </summary>
public sealed record Figure(string Title, ImmutableArray<Chart> Panels, int Columns = 1, int PanelWidth = Figure.DefaultWidth, int PanelHeight = Figure.DefaultHeight, bool AlignColumns = false)
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 500;

    public string ToSvg()
    {
        var columns = Math.Max(1, Columns);
        var rows = (Panels.Length + columns - 1) / columns;
        var titleBand = string.IsNullOrEmpty(Title) ? 0 : 34;
        var width = columns * PanelWidth;
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
