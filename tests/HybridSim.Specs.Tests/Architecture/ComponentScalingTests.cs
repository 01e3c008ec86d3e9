using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Tests.Architecture;

/// <summary>
/// Component figures as models of the architecture's parameters (stated_for + scaling, docs/architecture-files.md,
/// "Your own architecture"): the shipped bases' rules by hand, the stale-figure warning, and bad rules as errors.
/// </summary>
public sealed class ComponentScalingTests
{
    private static ArchitectureSpec Load(string name, params string[] sets) => ArchitectureLoader.Load(RepositoryPaths.Arch(name), sets);

    private static ComponentSpec Analog(ArchitectureSpec spec, string component) => spec.AnalogTile!.Core.Mvmu.Component(component)!;

    [Fact]
    public void The_adc_follows_adc_bits_by_pumas_per_bit_tables()
    {
        // 0.225 pJ, 12.5 ns and 0.025 mW per bit (docs/references.md, PUMA tables 3.4, 4.3); area independent of resolution.
        var adc = Analog(Load("hyperx-128-16b.yaml", "adc_bits=6"), "adc");
        Assert.Equal(1.35e-12, adc.Energy("access"), 1e-20);
        Assert.Equal(75e-9, adc.LatencySeconds, 1e-15);
        Assert.Equal(0.15e-3, adc.LeakageWatts, 1e-12);
        Assert.Equal(0.0012e-6, adc.AreaSquareMeters, 1e-16);
    }

    [Fact]
    public void The_adc_follows_its_sampling_rate_by_waldens_figure_of_merit()
    {
        // Power = FoM x 2^bits x rate: the energy per conversion stays, PUMA's 128 conversions take half the time at
        // twice the rate, the bias (leakage) power doubles; area independent.
        var spec = Load("puma.yaml", "tiles.analog.core.mvmu.adc_rate=2.56GHz");
        var adc = Analog(spec, "adc");
        Assert.Equal(1.8e-12, adc.Energy("access"), 1e-20);
        Assert.Equal(50e-9, adc.LatencySeconds, 1e-15);
        Assert.Equal(0.4e-3, adc.LeakageWatts, 1e-12);
        Assert.Equal(0.0012e-6, adc.AreaSquareMeters, 1e-16);
        Assert.Empty(spec.Warnings);
    }

    [Fact]
    public void A_walden_rule_doubles_the_adc_energy_per_bit_at_any_rate()
    {
        using var dir = new TempDirectory();
        var path = dir.File("mine.yaml",
            "extends: puma.yaml\nvariables: {adc_bits: 6}\n" +
            "tiles: {analog: {core: {mvmu: {adc_rate: 640MHz, components: {adc: {scaling: {energy: {adc_bits: exp2}}}}}}}}\n");
        var adc = Analog(ArchitectureLoader.Load(path), "adc");
        Assert.Equal(1.8e-12 / 4, adc.Energy("access"), 1e-20);            // 2^(6 - 8)
        Assert.Equal(100e-9 * 6 / 8 * 2, adc.LatencySeconds, 1e-15);       // 6 bits at half the rate
        Assert.Equal(0.2e-3 * 6 / 8 / 2, adc.LeakageWatts, 1e-12);
    }

    [Fact]
    public void The_crossbar_follows_rows_times_cols_and_stacking_and_the_periphery_its_rows_and_columns()
    {
        var spec = Load("puma.yaml", "xbar=256", "tiles.analog.core.mvmu.stack_layers=4");
        var xbar = Analog(spec, "xbar");
        Assert.Equal(170e-12 * 4, xbar.Energy("mvm"), 1e-18);               // (256/128)^2
        Assert.Equal(0.000025e-6 * 4 / 4, xbar.AreaSquareMeters, 1e-18);    // (256/128)^2 / 4 layers
        Assert.Equal(256, Analog(spec, "dac").Count);
        Assert.Equal(256, Analog(spec, "snh").Count);
        Assert.Equal(0.005e-3 * 2, Analog(spec, "sna").LeakageWatts, 1e-12);
        Assert.Equal(1.7e-12 * 2, Analog(spec, "input_buffer").Energy("read"), 1e-20);
        Assert.Equal(0.16e-12 * Math.Sqrt(2), Analog(spec, "output_buffer").Energy("write"), 1e-20);
        Assert.Empty(spec.Warnings.Where(w => w.Message.Contains("stated for", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_exp2_rule_doubles_the_figure_per_step()
    {
        // The DAC: 2^b unit elements (dac_bits 1 -> 2 doubles energy, leakage and area).
        var dac = Analog(Load("puma.yaml", "tiles.analog.core.mvmu.dac_bits=2"), "dac");
        Assert.Equal(0.00350625e-12 * 2, dac.Energy("access"), 1e-22);
        Assert.Equal(0.000000167e-6 * 2, dac.AreaSquareMeters, 1e-22);
    }

    [Fact]
    public void Doubling_the_conductance_window_doubles_the_crossbar_read_energy_and_nothing_else()
    {
        // HyperX's device: Gmax = 1 / 4444 ohm, Gmin = Gmax / 4.5; half the on-state resistance doubles Gmax - Gmin.
        var shipped = Load("hyperx-64-8b.yaml");
        var doubled = Load("hyperx-64-8b.yaml", "tiles.analog.core.mvmu.device.cell_resistance=2222ohm");
        foreach (var c in shipped.AnalogTile!.Core.Mvmu.Components)
        {
            var d = Analog(doubled, c.Name);
            var factor = c.Name == "xbar" ? 2.0 : 1.0;
            Assert.Equal(c.EnergyJoules.Values.Select(e => e * factor), d.EnergyJoules.Values);
            Assert.Equal((c.Count, c.LatencySeconds, c.LeakageWatts, c.AreaSquareMeters), (d.Count, d.LatencySeconds, d.LeakageWatts, d.AreaSquareMeters));
        }

        Assert.Equal(42.5e-12 * 2, Analog(doubled, "xbar").Energy("mvm"), 1e-20);
        Assert.Empty(doubled.Warnings);
    }

    [Fact]
    public void Ideal_cells_say_no_conductance_window_so_the_crossbar_energy_is_used_as_stated()
    {
        // device: ideal is an accuracy-model idealisation: the cost keeps the figure anchored at the device's window.
        var spec = Load("hyperx-64-8b.yaml", "tiles.analog.core.mvmu.device=ideal");
        Assert.Equal(42.5e-12, Analog(spec, "xbar").Energy("mvm"), 1e-20);
        Assert.Empty(spec.Warnings);
    }

    [Fact]
    public void An_adc_rate_stated_for_but_not_set_is_an_error_saying_to_set_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("mine.yaml", "extends: puma.yaml\ntiles: {analog: {core: {mvmu: {adc_rate: ~}}}}\n");
        var e = Assert.Throws<SpecException>(() => ArchitectureLoader.Load(path));
        var error = Assert.Single(e.Errors);
        Assert.Equal("tiles.analog.core.mvmu.components.adc.stated_for.adc_rate", error.Path);
        Assert.Contains("this architecture has no adc_rate: set tiles.analog.core.mvmu.adc_rate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_64_by_64_file_gives_the_figures_it_used_to_state()
    {
        var spec = Load("hyperx-64-16b.yaml");
        Assert.Equal(1.575e-12, Analog(spec, "adc").Energy("access"), 1e-20);
        Assert.Equal(87.5e-9, Analog(spec, "adc").LatencySeconds, 1e-15);
        Assert.Equal(42.5e-12, Analog(spec, "xbar").Energy("mvm"), 1e-20);
        Assert.Equal(0.00000625e-6, Analog(spec, "xbar").AreaSquareMeters, 1e-20);
        Assert.Equal(0.7e-12, Analog(spec, "input_buffer").Energy("read"), 1e-20);
        Assert.Equal(0.045e-12, Analog(spec, "sna").Energy("access"), 1e-20);
        Assert.Equal(20844e-12, spec.DigitalTile!.Core.Mvmu.Component("mvmu")!.Energy("mvm"), 1e-18);
        Assert.Empty(spec.Warnings);
    }

    [Fact]
    public void A_fixed_figure_for_another_configuration_warns_at_the_file_that_set_the_parameter()
    {
        using var dir = new TempDirectory();
        var path = dir.File("mine.yaml",
            "extends: hyperx-64-8b.yaml\n" +                                        // 1: the shipped file, by name, from another folder
            "variables:\n" +                                                        // 2
            "  xbar: 256\n" +                                                       // 3
            "tiles:\n" +                                                            // 4
            "  analog:\n" +                                                         // 5
            "    core:\n" +                                                         // 6
            "      mvmu:\n" +                                                       // 7
            "        components:\n" +                                               // 8
            "          xbar: {scaling: ~, stated_for: {rows: 128, cols: 128, stack_layers: 1}}\n");  // 9
        var spec = ArchitectureLoader.Load(path);
        var warning = Assert.Single(spec.Warnings, w => w.Message.Contains("stated for", StringComparison.Ordinal));
        Assert.Equal(path, warning.File);
        Assert.Equal(3, warning.Line);
        Assert.Equal("tiles.analog.core.mvmu.components.xbar", warning.Path);
        Assert.StartsWith("energy, area are stated for rows 128, cols 128 (" + path + ":9), but this architecture has rows 256 (set at " + path + ":3), cols 256", warning.Message, StringComparison.Ordinal);

        // The figure is used unchanged.
        Assert.Equal(170e-12, Analog(spec, "xbar").Energy("mvm"), 1e-20);
    }

    [Fact]
    public void Another_technology_node_scales_energy_leakage_area_and_latency_by_the_stillmaker_baas_fits()
    {
        // Relative energy a V^2 + b V + c at 0.8 V: 45 nm 1.103 x 0.64 - 0.362 x 0.8 + 0.2767 = 0.69302,
        // 32 nm 0.9559 x 0.64 - 0.7823 x 0.8 + 0.471 = 0.456936; area 1 / 0.46. Relative delay a V^3 + b V^2 + c V + d:
        // 45 nm -285.7 x 0.512 + 1239 x 0.64 - 1795 x 0.8 + 898.8 = 109.4816,
        // 32 nm -325.9 x 0.512 + 1374 x 0.64 - 1922 x 0.8 + 913.2 = 88.0992.
        var spec = Load("puma.yaml", "technology=45nm");
        var energy = 0.69302 / 0.456936;
        var delay = 109.4816 / 88.0992;
        Assert.Equal(1.8e-12 * energy, Analog(spec, "adc").Energy("access"), 1e-20);
        Assert.Equal(0.2e-3 * energy, Analog(spec, "adc").LeakageWatts, 1e-12);
        Assert.Equal(0.0012e-6 / 0.46, Analog(spec, "adc").AreaSquareMeters, 1e-16);
        Assert.Equal(100e-9 * delay, Analog(spec, "adc").LatencySeconds, 1e-15);
        Assert.Equal(8.6e-12 * energy, spec.AnalogTile!.Component("edram")!.Energy("read"), 1e-20);
        Assert.Empty(spec.Warnings);
    }

    [Fact]
    public void A_node_without_a_delay_fit_leaves_latencies_unchanged_and_warns_at_the_technology_line()
    {
        using var dir = new TempDirectory();
        var path = dir.File("mine.yaml",
            "extends: puma.yaml\n" +                                           // 1
            "technology: 45nm\n" +                                             // 2
            "technology_scaling: {nodes: {45nm: {delay: ~}}}\n");              // 3
        var spec = ArchitectureLoader.Load(path);
        Assert.Equal(100e-9, Analog(spec, "adc").LatencySeconds, 1e-15);
        Assert.Equal(1.8e-12 * 0.69302 / 0.456936, Analog(spec, "adc").Energy("access"), 1e-20);
        var warning = Assert.Single(spec.Warnings);
        Assert.Equal((path, 2), (warning.File, warning.Line));
        Assert.Contains("the latency of tiles.analog.core.mvmu.adc is stated for 32nm", warning.Message, StringComparison.Ordinal);
        Assert.Contains("has no delay fit for 45nm", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_the_table_does_not_have_is_an_error_listing_those_it_has()
    {
        var e = Assert.Throws<SpecException>(() => Load("puma.yaml", "technology=22nm"));
        Assert.Contains(e.Errors, x => x.Message.StartsWith("22nm is not in technology_scaling.nodes; expected one of: 7nm, 10nm", StringComparison.Ordinal));
    }

    [Fact]
    public void Strict_turns_the_warning_into_an_error()
    {
        using var strict = ArchitectureWarnings.Strict(true);
        var e = Assert.Throws<SpecException>(() => Load("hyperx-64-8b.yaml", "adc_bits=5"));
        Assert.Contains(e.Errors, x => x.Message.EndsWith("(an error with --strict)", StringComparison.Ordinal) && x.File == "--set");
    }

    [Theory]
    [InlineData("{stated_for: {rowz: 128}}", "unknown parameter 'rowz' (did you mean 'rows'?)")]
    [InlineData("{stated_for: {rows: many}}", "expected a number above 0, the rows the figures were stated for")]
    [InlineData("{stated_for: ~}", "scaling needs stated_for")]
    [InlineData("{scaling: {energy: {adc_bits: 1}}}", "a rule for 'adc_bits' needs the value the figures were stated for")]
    [InlineData("{scaling: {energy: {rows: 9}}}", "expected an exponent from -8 to 8")]
    [InlineData("{scaling: {energi: {rows: 1}}}", "unknown figure 'energi' (did you mean 'energy'?)")]
    [InlineData("{scaling: {source: ~}}", "missing required field 'source'")]
    public void A_bad_rule_is_an_error_naming_the_file_line_and_field(string xbar, string message)
    {
        using var dir = new TempDirectory();
        var path = dir.File("mine.yaml", "extends: puma.yaml\ntiles: {analog: {core: {mvmu: {components: {xbar: " + xbar + "}}}}}\n");
        var e = Assert.Throws<SpecException>(() => ArchitectureLoader.Load(path));
        var error = Assert.Single(e.Errors);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("tiles.analog.core.mvmu.components.xbar.", error.Path, StringComparison.Ordinal);
        Assert.True(error.File == path || error.File.EndsWith("puma-analog.yaml", StringComparison.Ordinal), error.ToString());
    }
}
