using System.Collections.Immutable;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// One kind of hardware component with its technology figures, SI units inside.
/// Hardware models count actions on it by name; the metrics layer multiplies the counts by <see cref="EnergyJoules"/>.
/// </summary>
/// <param name="Name">Stable name used in reports (e.g. <c>adc</c>, <c>xbar</c>, <c>edram</c>, <c>router</c>).</param>
/// <param name="Count">Instances per parent (per MVMU, core, tile or node, depending on where it is listed).</param>
/// <param name="LatencySeconds">Time one action occupies the component (0 when untimed).</param>
/// <param name="EnergyJoules">Dynamic energy per action, keyed by action name (e.g. <c>read</c>, <c>write</c>, <c>add</c>); <c>access</c> is the default action.</param>
/// <param name="LeakageWatts">Static power of one instance while its parent is powered.</param>
/// <param name="AreaSquareMeters">Area of one instance.</param>
/// <param name="Source">Where the figures come from (the YAML comment or <c>source:</c> field).</param>
public sealed record ComponentSpec(
    string Name,
    int Count,
    double LatencySeconds,
    ImmutableSortedDictionary<string, double> EnergyJoules,
    double LeakageWatts,
    double AreaSquareMeters,
    string Source)
{
    public const string DefaultAction = "access";

    /// <summary>Energy of one action; falls back to the default action, and 0 only for components declared without energy.</summary>
    public double Energy(string action) =>
        EnergyJoules.TryGetValue(action, out var e) ? e
        : EnergyJoules.TryGetValue(DefaultAction, out var d) ? d
        : 0.0;
}
