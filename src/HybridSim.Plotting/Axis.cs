namespace HybridSim.Plotting;

/// <summary>A value axis: its label (with the unit, e.g. "latency (ns)"), scale, and optional forced range.</summary>
/// <param name="Label">Text under (x) or beside (y) the axis; put the unit in parentheses.</param>
/// <param name="Scale">Linear or log2.</param>
/// <param name="IncludeZero">Stretch a linear range to include 0 (bars, fractions).</param>
/// <param name="Min">Forced lower end (before rounding to ticks), or null for the data's.</param>
/// <param name="Max">Forced upper end (before rounding to ticks), or null for the data's.</param>
public sealed record Axis(string Label, AxisScale Scale = AxisScale.Linear, bool IncludeZero = false, double? Min = null, double? Max = null);
