using System.Collections.Immutable;
using HybridSim.Activity;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Units;

namespace HybridSim.Metrics.Energy;

/// <summary>Turns an activity ledger into energy with the architecture's per-action energies and leakage powers.</summary>
public static class EnergyModel
{
    public static EnergyBreakdown Compute(ArchitectureSpec architecture, ActivityLedger ledger)
    {
        var dynamicByComponent = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var leakageByComponent = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var byLayer = new double[ledger.LayerCount];
        var uncosted = new SortedSet<string>(StringComparer.Ordinal);
        double dynamic = 0;

        for (var slot = 0; slot < ledger.Keys.Count; slot++)
        {
            var key = ledger.Keys[slot];
            var total = ledger.Total(key);
            if (total == 0)
            {
                continue;
            }

            var component = Find(architecture, key.Scope, key.TileKind, key.Component);
            if (component is null)
            {
                uncosted.Add(key.ReportName);
                continue;
            }

            if (component.EnergyJoules.Count > 0
                && !component.EnergyJoules.ContainsKey(key.Action)
                && !component.EnergyJoules.ContainsKey(ComponentSpec.DefaultAction))
            {
                // Counted, but the architecture prices neither this action nor a default one: say so rather than cost 0 silently.
                uncosted.Add(key.ReportName + ":" + key.Action);
                continue;
            }

            var perAction = component.Energy(key.Action);
            var energy = total * perAction;
            dynamic += energy;
            Accumulate(dynamicByComponent, key.ReportName, energy);
            for (var layer = 0; layer < ledger.LayerCount; layer++)
            {
                byLayer[layer] += ledger.Count(slot, layer) * perAction;
            }
        }

        double leakage = 0;
        foreach (var scope in Enum.GetValues<ActivityScope>())
        {
            foreach (var kind in Enum.GetValues<TileKind>())
            {
                var poweredSeconds = Si.SecondsFromPicoseconds(ledger.PoweredTime(scope, kind));
                if (poweredSeconds == 0)
                {
                    continue;
                }

                foreach (var component in Components(architecture, scope, kind))
                {
                    var energy = component.LeakageWatts * component.Count * poweredSeconds;
                    leakage += energy;
                    Accumulate(leakageByComponent, new ActivityKey(scope, kind, component.Name, "").ReportName, energy);
                }
            }
        }

        return new EnergyBreakdown(
            dynamic,
            leakage,
            dynamicByComponent.ToImmutableSortedDictionary(StringComparer.Ordinal),
            leakageByComponent.ToImmutableSortedDictionary(StringComparer.Ordinal),
            [.. byLayer],
            [.. uncosted]);
    }

    /// <summary>The component a ledger key names, or null when the architecture does not list it.</summary>
    public static ComponentSpec? Find(ArchitectureSpec architecture, ActivityScope scope, TileKind kind, string name) =>
        Components(architecture, scope, kind).FirstOrDefault(c => c.Name == name);

    /// <summary>Components listed at one level of one tile kind (empty when the architecture has no such tile).</summary>
    public static ImmutableArray<ComponentSpec> Components(ArchitectureSpec architecture, ActivityScope scope, TileKind kind)
    {
        var tile = kind == TileKind.Analog ? architecture.AnalogTile : architecture.DigitalTile;
        return scope switch
        {
            ActivityScope.Mvmu => tile?.Core.Mvmu.Components ?? [],
            ActivityScope.Core => tile?.Core.Components ?? [],
            ActivityScope.Tile => tile?.Components ?? [],
            ActivityScope.Noc => kind == TileKind.Analog ? architecture.Noc.Components : [],
            ActivityScope.Node => kind == TileKind.Analog ? architecture.NodeComponents : [],
            _ => [],
        };
    }

    private static void Accumulate(SortedDictionary<string, double> map, string key, double value)
    {
        map[key] = map.TryGetValue(key, out var v) ? v + value : value;
    }
}
