namespace HybridSim.Plotting;

/// <summary>One entry of a figure's shared legend (<see cref="Figure.Legend"/>): a filled square of <paramref name="Color"/> and its name.</summary>
public sealed record LegendItem(string Name, string Color);
