using System.CommandLine;
using System.Globalization;
using System.Text;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Architecture.Schema;
using HybridSim.Specs.Yaml;

namespace HybridSim.Cli.Commands;

/// <summary>
/// <c>hybridsim describe [COMPONENT]</c>: the parameters one section of an architecture file takes, their units,
/// defaults and meaning, printed from <see cref="ArchitectureSchema"/>, the table the loader validates with.
/// </summary>
public static class DescribeCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("component") { Description = "Section to describe (omit to list them)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("describe", "Describe the parameters of an architecture section (units, defaults, meaning).") { name };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var wanted = parse.GetValue(name);
            if (wanted is null)
            {
                output.Write(List());
                return SpecAction.Ok;
            }

            if (Alias(wanted) == ComponentsSection)
            {
                output.Write(Catalogue());
                return SpecAction.Ok;
            }

            var section = ArchitectureSchema.Find(Alias(wanted));
            var entries = ComponentCatalogue.All.Where(e => e.Name == wanted).ToList();
            if (section is null && entries.Count > 0)
            {
                foreach (var entry in entries)
                {
                    output.Write(Describe(entry));
                }

                output.Write(Describe(ArchitectureSchema.Component));
                return SpecAction.Ok;
            }

            if (section is null)
            {
                var names = ArchitectureSchema.All.Select(s => s.Name).Append(ComponentsSection)
                    .Concat(ComponentCatalogue.All.Select(e => e.Name).Distinct().Order(StringComparer.Ordinal)).ToList();
                parse.InvocationConfiguration.Error.WriteLine(
                    $"error: unknown component '{wanted}'{DidYouMean.Hint(wanted, names)}; expected one of: {string.Join(", ", names)}");
                return SpecAction.Usage;
            }

            output.Write(Describe(section));
            return SpecAction.Ok;
        });
        return command;
    }

    /// <summary>The pseudo-section that prints <see cref="ComponentCatalogue"/>.</summary>
    private const string ComponentsSection = "components";

    private static string Alias(string name) => name.Replace('-', '_') switch
    {
        "analog" or "crossbar" => "analog_mvmu",
        "digital" or "sram" => "digital_mvmu",
        var n => n,
    };

    public static string List()
    {
        var sb = new StringBuilder("Sections of an architecture file (hybridsim describe NAME):\n");
        foreach (var s in ArchitectureSchema.All)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {s.Name,-20} {s.Description}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"  {ComponentsSection,-20} The components each components: list may hold, the actions the hardware counts on them, and which are timed\n");
        return sb.ToString();
    }

    /// <summary>The component catalogue: per list, each component with the actions it counts and whether it is timed.</summary>
    public static string Catalogue()
    {
        var sb = new StringBuilder("Components (energy: keys are the actions, plus the default 'access'; timed: a timing model reads its latency):\n");
        var inv = CultureInfo.InvariantCulture;
        foreach (var group in ComponentCatalogue.All.GroupBy(e => e.Where))
        {
            sb.Append(inv, $"{group.Key}\n");
            foreach (var e in group)
            {
                var actions = e.Actions.IsEmpty ? "-" : string.Join(" ", e.Actions);
                var notes = (e.Timed ? "timed; " : "") + (e.Declared ? "" : "not declared, counted only; ")
                    + (e.UncountedActions.IsEmpty ? "" : $"energy may also price {string.Join(", ", e.UncountedActions)} (never counted); ");
                sb.Append(inv, $"  {e.Name,-24} {actions,-32} {notes}{e.Description}\n");
            }
        }

        return sb.ToString();
    }

    public static string Describe(ComponentEntry entry)
    {
        var actions = entry.Actions.IsEmpty ? "none (area and leakage only)" : string.Join(", ", entry.Actions);
        return $"{entry.Name}: a component, listed under {entry.Where}.{entry.Name}: {entry.Description}\n"
            + $"  actions counted: {actions}{(entry.Timed ? "; timed (a timing model reads its latency)" : "; untimed (its latency is not read)")}\n";
    }

    public static string Describe(SchemaSection section)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"{section.Name}: {section.Description}\n");
        foreach (var f in section.Fields)
        {
            var presence = f.Required ? "required" : f.Default is not null ? $"default {f.Default}" : "optional";
            sb.Append(inv, $"  {f.Name,-28} {f.TypeText}; {presence}\n      {f.Description}\n");
        }

        return sb.ToString();
    }
}
