using System.Collections.Immutable;

namespace HybridSim.Plotting;

/// <summary>
/// A named series of (x, y) points drawn as a line with markers; non-finite y values break the line. By default the
/// colour and marker follow the series' position in the chart and the line is solid; the optional properties change
/// that, add error bars and put a short label beside each point. A series with an empty name has no legend entry.
/// </summary>
public sealed record LineSeries(string Name, ImmutableArray<double> X, ImmutableArray<double> Y)
{
    public ImmutableArray<double> X { get; } = X.Length == Y.Length ? X : throw new ArgumentException($"series '{Name}' has {X.Length} x values and {Y.Length} y values");

    /// <summary>Half-height of a vertical error bar at each point (same length as <see cref="Y"/>; non-finite: none), or empty for none.</summary>
    public ImmutableArray<double> YError { get; init; } = [];

    /// <summary>Text beside each point (same length as <see cref="Y"/>; empty strings: none), or empty for none.</summary>
    public ImmutableArray<string> PointLabels { get; init; } = [];

    public LineStyle Line { get; init; } = LineStyle.Solid;

    /// <summary>The marker, or null for the shape that goes with the series' position.</summary>
    public MarkerShape? Marker { get; init; }

    /// <summary>The colour ("#rrggbb"), or null for the palette colour of the series' position.</summary>
    public string? Color { get; init; }
}
