namespace HybridSim.Plotting;

/// <summary>
/// One legend line: a swatch of <paramref name="Color"/> (a line in style <paramref name="Line"/> with marker
/// <paramref name="Marker"/>, or a filled square when the marker is null) and its name.
/// </summary>
internal sealed record LegendEntry(string Name, string Color, MarkerShape? Marker, LineStyle Line = LineStyle.Solid);
