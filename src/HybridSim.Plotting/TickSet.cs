using System.Collections.Immutable;

namespace HybridSim.Plotting;

/// <summary>Chosen ticks: the axis runs from <see cref="Min"/> to <see cref="Max"/>, with labels at <see cref="Values"/>.</summary>
/// <param name="Min">Lower end of the axis (a tick).</param>
/// <param name="Max">Upper end of the axis (a tick).</param>
/// <param name="Values">Tick positions, ascending, in data units.</param>
/// <param name="Labels">The text at each tick, same length as <see cref="Values"/>.</param>
/// <param name="Scale">The axis scale the ticks were chosen for.</param>
public sealed record TickSet(double Min, double Max, ImmutableArray<double> Values, ImmutableArray<string> Labels, AxisScale Scale)
{
    /// <summary>Position of <paramref name="value"/> along the axis, 0 at <see cref="Min"/> and 1 at <see cref="Max"/>.</summary>
    public double Fraction(double value) => Scale == AxisScale.Log2
        ? (Math.Log2(value) - Math.Log2(Min)) / (Math.Log2(Max) - Math.Log2(Min))
        : (value - Min) / (Max - Min);
}
