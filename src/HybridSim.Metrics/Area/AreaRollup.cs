using System.Collections.Immutable;
using HybridSim.Specs.Architecture;

namespace HybridSim.Metrics.Area;

/// <summary>
/// Rolls component areas up core → tile → node (docs/model.md section 7): every component's area × its Count per parent ×
/// the parent's count: MVMU components × MVMUs per core, core components × cores per tile, tile components × tiles,
/// router components × ceil(tiles / concentration), node components × nodes (ceil(tiles / tiles per node)).
/// </summary>
public static class AreaRollup
{
    /// <summary>
    /// Area of <paramref name="arch"/> with the given tile counts; a null count uses the architecture's fixed count
    /// (and 0 when the architecture says <c>auto</c>: only tiles the mapping uses count).
    /// </summary>
    /// <param name="sramMacros">With dense SRAM-CIM packing (digital MVMU <c>macros_per_core</c>): the macros placed, whose
    /// MVMU components are counted instead of every MVMU of every digital core; null counts every macro the digital
    /// cores can hold (tiles × cores × macros_per_core). Ignored without dense packing.</param>
    public static AreaBreakdown Compute(ArchitectureSpec arch, int? analogTiles = null, int? digitalTiles = null, int? sramMacros = null)
    {
        var byComponent = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var byLevel = new SortedDictionary<string, double>(StringComparer.Ordinal);

        void Add(string level, ComponentSpec c, double instances)
        {
            var area = c.AreaSquareMeters * c.Count * instances;
            byComponent[c.Name] = byComponent.GetValueOrDefault(c.Name) + area;
            byLevel[level] = byLevel.GetValueOrDefault(level) + area;
        }

        var na = analogTiles ?? arch.AnalogTile?.Count ?? 0;
        var nd = digitalTiles ?? arch.DigitalTile?.Count ?? 0;
        if (arch.AnalogTile is null)
        {
            na = 0;
        }

        if (arch.DigitalTile is null)
        {
            nd = 0;
        }

        long macrosBilled = 0;
        foreach (var (tile, count) in new[] { (arch.AnalogTile, na), (arch.DigitalTile, nd) })
        {
            if (tile is null)
            {
                continue;
            }

            var cores = (double)count * tile.Cores;
            var mvmus = cores * tile.Core.Mvmus;
            if (tile.Core.Mvmu is DigitalMvmuSpec { MacrosPerCore: { } perCore })
            {
                mvmus = sramMacros ?? (cores * perCore);
                macrosBilled = (long)mvmus;
            }
            else if (tile.Kind == TileKind.Digital)
            {
                macrosBilled = (long)mvmus;
            }

            foreach (var c in tile.Core.Mvmu.Components)
            {
                Add("mvmu", c, mvmus);
            }

            foreach (var c in tile.Core.Components)
            {
                Add("core", c, cores);
            }

            foreach (var c in tile.Components)
            {
                Add("tile", c, count);
            }
        }

        var tiles = na + nd;
        var routers = tiles == 0 ? 0 : (tiles + arch.Noc.Concentration - 1) / arch.Noc.Concentration;
        foreach (var c in arch.Noc.Components)
        {
            Add("noc", c, routers);
        }

        var nodes = Math.Max(1, (tiles + arch.Noc.TilesPerNode - 1) / arch.Noc.TilesPerNode);
        foreach (var c in arch.NodeComponents)
        {
            Add("node", c, nodes);
        }

        return new AreaBreakdown(
            byLevel.Values.Sum(),
            byComponent.ToImmutableSortedDictionary(StringComparer.Ordinal),
            byLevel.ToImmutableSortedDictionary(StringComparer.Ordinal),
            na,
            nd,
            routers,
            nodes,
            TileArea(arch.AnalogTile),
            TileArea(arch.DigitalTile),
            CoreArea(arch.AnalogTile?.Core),
            CoreArea(arch.DigitalTile?.Core))
        {
            SramMacros = macrosBilled,
        };
    }

    /// <summary>One core: its components plus MVMUs (with dense SRAM-CIM packing: macros per core) × MVMU components.</summary>
    public static double CoreArea(CoreSpec? core) =>
        core is null ? 0 : Sum(core.Components) + ((core.Mvmu is DigitalMvmuSpec { MacrosPerCore: { } macros } ? macros : core.Mvmus) * Sum(core.Mvmu.Components));

    /// <summary>One tile: its components plus cores × core area.</summary>
    public static double TileArea(TileSpec? tile) =>
        tile is null ? 0 : Sum(tile.Components) + (tile.Cores * CoreArea(tile.Core));

    private static double Sum(ImmutableArray<ComponentSpec> components) =>
        components.Sum(c => c.AreaSquareMeters * c.Count);
}
