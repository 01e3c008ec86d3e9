using System.Collections.Immutable;

namespace HybridSim.Metrics.Area;

/// <summary>Area of the tiles counted (used by the mapping, or the architecture's fixed count) plus network and node parts.</summary>
/// <param name="ByComponentMm2">Per component name (<c>analog.adc</c>, <c>digital.edram</c>, <c>noc.router</c>, <c>node.x</c>), instances included.</param>
public sealed record AreaBreakdown(
    double TotalMm2,
    ImmutableSortedDictionary<string, double> ByComponentMm2,
    int AnalogTiles,
    int DigitalTiles,
    double AnalogTileMm2,
    double DigitalTileMm2,
    int Routers,
    int Nodes);
