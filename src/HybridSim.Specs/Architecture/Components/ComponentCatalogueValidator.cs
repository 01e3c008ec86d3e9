using HybridSim.Specs.Validation;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// Checks one <c>components:</c> entry of an architecture file against <see cref="ComponentCatalogue"/>: its name must
/// be a component of that list, and every key of its <c>energy:</c> table an action the hardware counts on it (or the
/// default <c>access</c>). Without this a misspelt name got area and leakage while the real component's activity went
/// uncosted, and a misspelt action left the counted action priced at 0.
/// </summary>
internal static class ComponentCatalogueValidator
{
    /// <param name="entry">The <c>name: {...}</c> entry of the list.</param>
    /// <param name="path">Its field path, e.g. <c>tiles.analog.core.mvmu.components.snh</c>.</param>
    public static void Check(SpecMappingEntry entry, string path, ComponentLevel level, TileKind kind, SpecErrorList errors)
    {
        var name = entry.Name;
        var section = ComponentCatalogue.SectionPath(level, kind);
        var known = ComponentCatalogue.Find(name, level, kind);
        if (known is not { Declared: true })
        {
            var here = ComponentCatalogue.At(level, kind).Select(e => e.Name).ToList();
            var elsewhere = known ?? ComponentCatalogue.All.FirstOrDefault(e => e.Name == name);
            var message = elsewhere switch
            {
                { Declared: false } => $"'{name}' is not a component: it counts {elsewhere.Description}; expected one of: {string.Join(", ", here)}",
                not null => $"'{name}' is not a component of {section}; it belongs under {elsewhere.Where} (hybridsim describe components)",
                null => $"unknown component '{name}'{DidYouMean.Hint(name, here)}; expected one of: {string.Join(", ", here)} (hybridsim describe components)",
            };
            errors.Add(entry.Key, path, message);
            return;
        }

        if (entry.Value is SpecMapping { } component && component["energy"] is SpecMapping energy)
        {
            var keys = known.EnergyKeys.ToList();
            foreach (var action in energy.Entries.Where(a => !keys.Contains(a.Name, StringComparer.Ordinal)))
            {
                var counted = known.Actions.IsEmpty ? "counts no action (area and leakage only)" : $"counts {string.Join(", ", known.Actions)}";
                errors.Add(action.Key, $"{path}.energy.{action.Name}",
                    $"'{name}' has no action '{action.Name}'{DidYouMean.Hint(action.Name, keys)}: the hardware {counted}; expected one of: {string.Join(", ", keys)}");
            }
        }
    }
}
