namespace HybridSim.Plotting;

/// <summary>How the points of a <see cref="LineSeries"/> are joined.</summary>
public enum LineStyle
{
    Solid,
    Dashed,
    Dotted,

    /// <summary>Not joined: a scatter of markers.</summary>
    None,
}
