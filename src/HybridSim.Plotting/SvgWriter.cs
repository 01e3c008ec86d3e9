using System.Globalization;
using System.Text;

namespace HybridSim.Plotting;

/// <summary>Appends SVG elements with coordinates rounded to 0.01 px in invariant culture, so output is byte-stable.</summary>
internal sealed class SvgWriter
{
    public const string FontFamily = "Helvetica, Arial, sans-serif";
    public const double FontSize = 13;
    public const string Ink = "#222222";
    public const string Grid = "#E3E3E3";

    private readonly StringBuilder _text = new();

    /// <summary>Rough width of <paramref name="text"/> at <paramref name="size"/> px in a sans-serif font, for layout.</summary>
    public static double TextWidth(string text, double size = FontSize) => text.Length * size * 0.58;

    public static string N(double value)
    {
        var rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }

    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);

    public void Raw(string line) => _text.Append(line).Append('\n');

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        Raw($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>");

    public void Rect(double x, double y, double width, double height, string fill, string? stroke = null, string? title = null)
    {
        var attributes = $"x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"{fill}\"{(stroke is null ? "" : $" stroke=\"{stroke}\"")}";
        Raw(title is null ? $"<rect {attributes}/>" : $"<rect {attributes}><title>{Escape(title)}</title></rect>");
    }

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width = 2, string? dash = null) =>
        Raw($"<polyline points=\"{string.Join(" ", points.Select(p => N(p.X) + "," + N(p.Y)))}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\" stroke-linejoin=\"round\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>");

    /// <summary>The stroke-dasharray of a line style (null: solid).</summary>
    public static string? Dash(LineStyle style) => style switch
    {
        LineStyle.Dashed => "6 4",
        LineStyle.Dotted => "2 3",
        _ => null,
    };

    /// <summary>Text; <paramref name="anchor"/> is start, middle or end; <paramref name="rotate"/> turns it about its anchor point.</summary>
    public void Text(double x, double y, string text, string anchor = "start", double size = FontSize, bool bold = false, double rotate = 0, string fill = Ink)
    {
        var attributes = new StringBuilder($"x=\"{N(x)}\" y=\"{N(y)}\"");
        if (anchor != "start")
        {
            attributes.Append($" text-anchor=\"{anchor}\"");
        }

        if (size != FontSize)
        {
            attributes.Append($" font-size=\"{N(size)}\"");
        }

        if (bold)
        {
            attributes.Append(" font-weight=\"bold\"");
        }

        if (rotate != 0)
        {
            attributes.Append($" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"");
        }

        if (fill != Ink)
        {
            attributes.Append($" fill=\"{fill}\"");
        }

        Raw($"<text {attributes}>{Escape(text)}</text>");
    }

    /// <summary>
    /// A series marker of shape <paramref name="shape"/>: filled with a white outline, or for <see cref="MarkerShape.Ring"/>
    /// an open circle in <paramref name="fill"/> drawn around a point; <see cref="MarkerShape.None"/> draws nothing.
    /// </summary>
    public void Marker(double x, double y, MarkerShape shape, string fill, string? title = null)
    {
        const double r = 4.5;
        var element = shape switch
        {
            MarkerShape.Circle => $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\"",
            MarkerShape.Square => $"<rect x=\"{N(x - r * 0.9)}\" y=\"{N(y - r * 0.9)}\" width=\"{N(r * 1.8)}\" height=\"{N(r * 1.8)}\"",
            MarkerShape.Triangle => $"<path d=\"M{N(x)},{N(y - r * 1.15)} L{N(x + r)},{N(y + r * 0.75)} L{N(x - r)},{N(y + r * 0.75)} Z\"",
            MarkerShape.Diamond => $"<path d=\"M{N(x)},{N(y - r * 1.2)} L{N(x + r * 1.2)},{N(y)} L{N(x)},{N(y + r * 1.2)} L{N(x - r * 1.2)},{N(y)} Z\"",
            MarkerShape.InvertedTriangle => $"<path d=\"M{N(x)},{N(y + r * 1.15)} L{N(x + r)},{N(y - r * 0.75)} L{N(x - r)},{N(y - r * 0.75)} Z\"",
            MarkerShape.Ring => $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r * 1.9)}\"",
            _ => null,
        };
        if (element is null)
        {
            return;
        }

        var attributes = shape == MarkerShape.Ring ? $" fill=\"none\" stroke=\"{fill}\" stroke-width=\"2\"" : $" fill=\"{fill}\" stroke=\"#FFFFFF\" stroke-width=\"1\"";
        var close = element.StartsWith("<circle", StringComparison.Ordinal) ? "</circle>" : element.StartsWith("<rect", StringComparison.Ordinal) ? "</rect>" : "</path>";
        Raw(title is null ? element + attributes + "/>" : element + attributes + $"><title>{Escape(title)}</title>" + close);
    }

    public override string ToString() => _text.ToString();
}
