namespace HybridSim.Plotting;

/// <summary>One chart (a panel of a <see cref="Figure"/>); renders itself into a rectangle.</summary>
public abstract record Chart(string Title)
{
    /// <summary>This chart alone as a complete SVG document of the given size.</summary>
    public string ToSvg(int width = Figure.DefaultWidth, int height = Figure.DefaultHeight) =>
        new Figure("", [this], Columns: 1, PanelWidth: width, PanelHeight: height).ToSvg();

    internal abstract void Render(SvgWriter svg, Box area);

    /// <summary>Draws the title and returns the area below it.</summary>
    internal Box RenderTitle(SvgWriter svg, Box area)
    {
        if (string.IsNullOrEmpty(Title))
        {
            return area with { Y = area.Y + 10, Height = area.Height - 10 };
        }

        svg.Text(area.CenterX, area.Y + 24, Title, "middle", size: 15, bold: true);
        return area with { Y = area.Y + 36, Height = area.Height - 36 };
    }
}
