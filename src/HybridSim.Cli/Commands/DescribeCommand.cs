using System.CommandLine;
using System.Globalization;
using System.Text;
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

            var section = ArchitectureSchema.Find(Alias(wanted));
            if (section is null && KnownComponents.TryGetValue(wanted, out var where))
            {
                output.Write($"{wanted}: a component, listed under {where}.components.{wanted}\n");
                output.Write(Describe(ArchitectureSchema.Component));
                return SpecAction.Ok;
            }

            if (section is null)
            {
                var names = ArchitectureSchema.All.Select(s => s.Name).Concat(KnownComponents.Keys).ToList();
                parse.InvocationConfiguration.Error.WriteLine(
                    $"error: unknown component '{wanted}'{DidYouMean.Hint(wanted, names)}; expected one of: {string.Join(", ", names)}");
                return SpecAction.Usage;
            }

            output.Write(Describe(section));
            return SpecAction.Ok;
        });
        return command;
    }

    /// <summary>Component names the hardware models look up (the contracts in Specs/Architecture), and where they are listed.</summary>
    private static readonly SortedDictionary<string, string> KnownComponents = new(StringComparer.Ordinal)
    {
        ["xbar"] = "analog_mvmu", ["adc"] = "analog_mvmu", ["dac"] = "analog_mvmu", ["snh"] = "analog_mvmu", ["sna"] = "analog_mvmu",
        ["layer_select"] = "analog_mvmu", ["input_buffer"] = "analog_mvmu | digital_mvmu", ["output_buffer"] = "analog_mvmu | digital_mvmu",
        ["mvmu"] = "digital_mvmu", ["sram"] = "digital_mvmu", ["mac"] = "digital_mvmu",
        ["register_file"] = "core", ["instruction_memory"] = "core", ["alu"] = "core", ["activation"] = "core", ["control"] = "core",
        ["edram"] = "tile", ["edram_bus"] = "tile", ["edram_controller"] = "tile", ["attribute_buffer"] = "tile", ["receive_buffer"] = "tile",
        ["tile_instruction_memory"] = "tile", ["tile_control"] = "tile",
        ["router"] = "noc", ["link"] = "noc", ["inter_node_link"] = "noc",
    };

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

        return sb.ToString();
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
