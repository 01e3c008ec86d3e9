using System.Collections.Immutable;

namespace HybridSim.Plotting;

/// <summary>One value per category of a <see cref="BarChart"/>.</summary>
public sealed record BarSeries(string Name, ImmutableArray<double> Values);
