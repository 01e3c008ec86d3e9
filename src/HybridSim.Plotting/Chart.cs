namespace HybridSim.Plotting;

/// <summary>One chart (a panel of a <see cref="Figure"/>); renders itself into a rectangle.</summary>
public abstract record Chart(string Title)
{
    /// <summary>This chart alone as a complete SVG document of the given size.</summary>
    public string ToSvg(int width = Figure.DefaultWidth, int height = Figure.DefaultHeight) =>
        new Figure("", [this], Columns: 1, PanelWidth: width, PanelHeight: height).ToSvg();

    /// <summary>False: no legend of its own (e.g. the panels of a figure with one shared <see cref="Figure.Legend"/>).</summary>
    public bool ShowLegend { get; init; } = true;

    /// <summary>Room kept at the right of the plot for the legend, at least; a figure that aligns its columns sets it.</summary>
    internal double MinLegendWidth { get; init; }

    /// <summary>The room this chart's legend needs at the right of its plot (0 without a legend).</summary>
    internal virtual double LegendWidth => 0;

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
