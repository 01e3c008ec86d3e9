using System.CommandLine;
using System.Text.Json;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Architecture.Schema;

namespace HybridSim.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    private static readonly string Root = RepositoryPaths.Root;

    private static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var parse = CommandLineApp.BuildRootCommand().Parse(args);
        var code = parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (parse.Errors.Count > 0 ? 2 : code, output.ToString(), error.ToString());
    }

    private static string Arch(string name) => Path.Combine(Root, "arch", name);

    [Fact]
    public void Valid_architecture_prints_a_summary_and_exits_0()
    {
        var (code, output, error) = Invoke("validate", "--arch", Arch("puma.yaml"));
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("analog tiles: 138 x 8 cores x 2 MVMUs = 2208 MVMUs", output, StringComparison.Ordinal);
        Assert.Contains("crossbar 128x128, 16-bit weights on 8 x 2-bit cells", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_summary_is_parseable_and_honours_set()
    {
        var (code, output, _) = Invoke("validate", "--arch", Arch("puma.yaml"), "--set", "xbar=64", "--set", "adc_bits=7", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var analog = doc.RootElement.GetProperty("tiles").GetProperty("analog");
        Assert.Equal(64, analog.GetProperty("rows").GetInt32());
        Assert.Equal(7, analog.GetProperty("adc_bits").GetInt32());
        Assert.True(doc.RootElement.GetProperty("area_mm2").GetDouble() > 0);
    }

    [Fact]
    public void Workload_by_bare_name_reports_weight_layers_and_parameters()
    {
        var (code, output, error) = Invoke("validate", "--arch", Arch("hyperx-128-16b.yaml"), "--workload", "resnet20-cifar", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(20, doc.RootElement.GetProperty("weight_layers").GetInt32());
        Assert.InRange(doc.RootElement.GetProperty("parameters").GetInt64(), 260_000, 280_000);
    }

    [Fact]
    public void A_narrow_adc_is_a_warning_that_names_the_bits_needed_and_exits_0()
    {
        var (code, output, error) = Invoke("validate", "--arch", Arch("puma.yaml"), "--set", "adc_bits=6");
        Assert.Equal(0, code);
        Assert.Contains("valid", output, StringComparison.Ordinal);
        Assert.Contains("warning: ", error, StringComparison.Ordinal);
        Assert.Contains("adc_bits 6 is fewer than the 8 bits", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_input_prints_file_line_field_and_exits_1()
    {
        var (code, output, error) = Invoke("validate", "--arch", Arch("puma.yaml"), "--set", "bits_per_cell=3");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("puma-tile.yaml:", error, StringComparison.Ordinal); // the file that sets weight_bits (issue 24, case 10)
        Assert.Contains(": tiles.analog.core.mvmu.weight_bits: weight_bits 16 is not a multiple of bits_per_cell 3", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_exits_1_and_missing_option_exits_2()
    {
        Assert.Equal(1, Invoke("validate", "--arch", "nope.yaml").Code);
        Assert.Equal(2, Invoke("validate").Code);
    }

    [Fact]
    public void Describe_prints_every_field_of_the_schema_table()
    {
        var (code, output, _) = Invoke("describe", "analog_mvmu");
        Assert.Equal(0, code);
        foreach (var f in ArchitectureSchema.AnalogMvmu.Fields)
        {
            Assert.Contains($"  {f.Name} ", output, StringComparison.Ordinal);
        }

        Assert.Contains("latency", Invoke("describe", "component").Out, StringComparison.Ordinal);
        Assert.Contains("a time (ps, ns, us, ms, s, cycles)", Invoke("describe", "component").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_unknown_component_is_a_usage_error_with_a_suggestion()
    {
        var (code, _, error) = Invoke("describe", "compnent");
        Assert.Equal(2, code);
        Assert.Contains("did you mean 'component'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bogus_energy_action_set_on_the_crossbar_is_exit_1_naming_the_override_and_field()
    {
        var (code, output, error) = Invoke("validate", "--arch", Arch("puma.yaml"), "--set", "tiles.analog.core.mvmu.components.xbar.energy={bogus: 42.5pJ}");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("--set:1:2: tiles.analog.core.mvmu.components.xbar.energy.bogus: 'xbar' has no action 'bogus': the hardware counts mvm; expected one of: access, mvm",
            error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_component_in_an_architecture_file_is_exit_1_with_file_line_column_and_a_suggestion()
    {
        using var dir = new TempDirectory();
        var path = dir.File("misspelt.yaml",
            "name: misspelt\n" +
            "extends: " + Arch("puma.yaml").Replace('\\', '/') + "\n" +
            "tiles:\n" +
            "  analog:\n" +
            "    core:\n" +
            "      mvmu:\n" +
            "        components:\n" +
            "          shn: {count: 128, energy: 1pJ, source: test}\n");

        var (code, _, error) = Invoke("validate", "--arch", path);

        Assert.Equal(1, code);
        Assert.Contains($"{path}:8:11: tiles.analog.core.mvmu.components.shn: unknown component 'shn' (did you mean 'snh'?)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_components_prints_the_catalogue()
    {
        var (code, output, _) = Invoke("describe", "components");

        Assert.Equal(0, code);
        GoldenFile.AssertMatches("describe-components.txt", output);
        foreach (var entry in ComponentCatalogue.All)
        {
            Assert.Contains($"  {entry.Name} ", output, StringComparison.Ordinal);
        }

        Assert.Contains("tiles.analog.core.mvmu.components\n  xbar ", output, StringComparison.Ordinal);
        Assert.Contains(" timed; column ADC", output, StringComparison.Ordinal);
        Assert.Contains("components", Invoke("describe").Out, StringComparison.Ordinal);
        Assert.Contains("actions counted: access; untimed", Invoke("describe", "snh").Out, StringComparison.Ordinal);
    }
}
