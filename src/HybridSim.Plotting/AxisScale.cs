namespace HybridSim.Plotting;

/// <summary>How an axis maps values to positions.</summary>
public enum AxisScale
{
    Linear,

    /// <summary>Base-2 logarithmic: ticks at powers of two; non-positive values cannot be shown and are left out.</summary>
    Log2,
}
