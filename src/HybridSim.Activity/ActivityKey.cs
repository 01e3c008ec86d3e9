using HybridSim.Specs.Architecture;

namespace HybridSim.Activity;

/// <summary>
/// What was counted: an action on a component of some level of some tile kind. NoC and node components ignore
/// <paramref name="TileKind"/> (it is <see cref="TileKind.Analog"/> by convention there).
/// </summary>
public readonly record struct ActivityKey(ActivityScope Scope, TileKind TileKind, string Component, string Action)
{
    /// <summary>The name used in reports: <c>analog.adc</c>, <c>digital.mac</c>, <c>noc.router</c>, <c>node.hypertransport</c>.</summary>
    public string ReportName => Scope switch
    {
        ActivityScope.Noc => "noc." + Component,
        ActivityScope.Node => "node." + Component,
        _ => (TileKind == TileKind.Analog ? "analog." : "digital.") + Component,
    };

    public override string ToString() => $"{ReportName}:{Action}";
}
