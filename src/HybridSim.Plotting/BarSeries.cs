using System.Collections.Immutable;

namespace HybridSim.Plotting;

/// <summary>One value per category of a <see cref="BarChart"/>.</summary>
public sealed record BarSeries(string Name, ImmutableArray<double> Values)
{
    /// <summary>The colour ("#rrggbb"), or null for the palette colour of the series' position.</summary>
    public string? Color { get; init; }
}
