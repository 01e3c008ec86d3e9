using System.Collections.Immutable;

namespace HybridSim.Plotting;

/// <summary>A named series of (x, y) points drawn as a line with markers; non-finite y values break the line.</summary>
public sealed record LineSeries(string Name, ImmutableArray<double> X, ImmutableArray<double> Y)
{
    public ImmutableArray<double> X { get; } = X.Length == Y.Length ? X : throw new ArgumentException($"series '{Name}' has {X.Length} x values and {Y.Length} y values");
}
