namespace HybridSim.Plotting;

/// <summary>One legend line: a swatch of <paramref name="Color"/> (a line with marker shape <paramref name="Marker"/>, or a filled square when null) and its name.</summary>
internal sealed record LegendEntry(string Name, string Color, int? Marker);
