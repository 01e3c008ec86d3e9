using HybridSim.Specs.Units;
using System.Collections.Immutable;

namespace HybridSim.Metrics.Area;

/// <summary>
/// Area of a node, in square metres: by component name (analog and digital instances of one name summed) and by
/// level (<c>mvmu</c>, <c>core</c>, <c>tile</c>, <c>noc</c>, <c>node</c>), plus the per-unit areas of each tile kind.
/// </summary>
public sealed record AreaBreakdown(
    double TotalSquareMeters,
    ImmutableSortedDictionary<string, double> ByComponent,
    ImmutableSortedDictionary<string, double> ByLevel,
    int AnalogTiles,
    int DigitalTiles,
    int Routers,
    int Nodes,
    double AnalogTileSquareMeters,
    double DigitalTileSquareMeters,
    double AnalogCoreSquareMeters,
    double DigitalCoreSquareMeters)
{
    public double TotalMm2 => Si.SquareMillimetres(TotalSquareMeters);

    /// <summary>SRAM-CIM macros (digital MVMUs) whose area is counted: the macros placed with dense packing, else every
    /// MVMU of every digital core counted.</summary>
    public long SramMacros { get; init; }
}
