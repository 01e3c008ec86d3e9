namespace HybridSim.Plotting;

/// <summary>How the series of a bar chart share a category.</summary>
public enum BarMode
{
    /// <summary>Side by side.</summary>
    Grouped,

    /// <summary>On top of each other (values must not be negative).</summary>
    Stacked,
}
