using System.Collections.Immutable;
using HybridSim.Metrics.Activity;
using HybridSim.Specs.Architecture;

namespace HybridSim.Metrics.Area;

/// <summary>
/// Area = Σ component area × instances, rolled up MVMU → core → tile → node (design.md section 2):
/// MVMU = Σ its components (a 3D stack of L layers divides the <c>xbar</c> area by L); core = MVMUs × MVMU + its components;
/// tile = cores × core + its components; then tiles of each kind (the fixed count if the architecture gives one, else the
/// tiles the mapping uses), ⌈tiles / concentration⌉ routers with the NoC components, and node components per node.
/// </summary>
public static class AreaRollup
{
    private const double SquareMetersToMm2 = 1e6;

    public static AreaBreakdown Compute(ArchitectureSpec architecture, int analogTilesUsed, int digitalTilesUsed)
    {
        var byComponent = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var analogTiles = architecture.AnalogTile is { } a ? a.Count ?? analogTilesUsed : 0;
        var digitalTiles = architecture.DigitalTile is { } d ? d.Count ?? digitalTilesUsed : 0;
        var analogTileMm2 = architecture.AnalogTile is null ? 0 : Tile(architecture.AnalogTile, analogTiles, byComponent);
        var digitalTileMm2 = architecture.DigitalTile is null ? 0 : Tile(architecture.DigitalTile, digitalTiles, byComponent);

        var noc = architecture.Noc;
        var tiles = analogTiles + digitalTiles;
        var routers = tiles == 0 ? 0 : (tiles + Math.Max(1, noc.Concentration) - 1) / Math.Max(1, noc.Concentration);
        foreach (var c in noc.Components)
        {
            Add(byComponent, ActivityScope.Noc, TileKind.Analog, c.Name, c.AreaSquareMeters * c.Count * routers);
        }

        var nodes = tiles == 0 ? 0 : noc.TilesPerNode > 0 ? (tiles + noc.TilesPerNode - 1) / noc.TilesPerNode : 1;
        foreach (var c in architecture.NodeComponents)
        {
            Add(byComponent, ActivityScope.Node, TileKind.Analog, c.Name, c.AreaSquareMeters * c.Count * nodes);
        }

        return new AreaBreakdown(
            byComponent.Values.Sum(),
            byComponent.ToImmutableSortedDictionary(StringComparer.Ordinal),
            analogTiles,
            digitalTiles,
            analogTileMm2,
            digitalTileMm2,
            routers,
            nodes);
    }

    /// <summary>Area of one tile of a template (mm²), adding <paramref name="tiles"/> tiles' worth to the breakdown.</summary>
    private static double Tile(TileSpec tile, int tiles, SortedDictionary<string, double> byComponent)
    {
        var kind = tile.Kind;
        var core = tile.Core;
        var mvmus = (long)tile.Cores * core.Mvmus;
        double one = 0;
        var stack = core.Mvmu is AnalogMvmuSpec analog ? Math.Max(1, analog.StackLayers) : 1;
        foreach (var c in core.Mvmu.Components)
        {
            var area = c.AreaSquareMeters * c.Count;
            if (c.Name == "xbar")
            {
                area /= stack;
            }

            one += area * mvmus;
            Add(byComponent, ActivityScope.Mvmu, kind, c.Name, area * mvmus * tiles);
        }

        foreach (var c in core.Components)
        {
            one += c.AreaSquareMeters * c.Count * tile.Cores;
            Add(byComponent, ActivityScope.Core, kind, c.Name, c.AreaSquareMeters * c.Count * tile.Cores * tiles);
        }

        foreach (var c in tile.Components)
        {
            one += c.AreaSquareMeters * c.Count;
            Add(byComponent, ActivityScope.Tile, kind, c.Name, c.AreaSquareMeters * c.Count * tiles);
        }

        return one * SquareMetersToMm2;
    }

    private static void Add(SortedDictionary<string, double> map, ActivityScope scope, TileKind kind, string name, double squareMeters)
    {
        var key = new ActivityKey(scope, kind, name, "").ReportName;
        var mm2 = squareMeters * SquareMetersToMm2;
        map[key] = map.TryGetValue(key, out var v) ? v + mm2 : mm2;
    }
}
