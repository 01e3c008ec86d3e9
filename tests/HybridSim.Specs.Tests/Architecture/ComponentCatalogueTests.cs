using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Tests.Architecture;

/// <summary>
/// The loader checks component names and energy actions against <see cref="ComponentCatalogue"/>: a misspelt
/// component used to get area and leakage while the real one's activity went uncosted, and a misspelt action left
/// the counted action priced at 0.
/// </summary>
public sealed class ComponentCatalogueTests
{
    // Line numbers below refer to this text (1-based).
    private const string Valid =
        "name: tiny\n" +                                   // 1
        "clock: 1GHz\n" +                                  // 2
        "tiles:\n" +                                       // 3
        "  analog:\n" +                                    // 4
        "    count: 2\n" +                                 // 5
        "    cores: 1\n" +                                 // 6
        "    shared_memory: 4KiB\n" +                      // 7
        "    core:\n" +                                    // 8
        "      mvmus: 1\n" +                               // 9
        "      mvmu:\n" +                                  // 10
        "        rows: 128\n" +                            // 11
        "        cols: 128\n" +                            // 12
        "        weight_bits: 16\n" +                      // 13
        "        input_bits: 16\n" +                       // 14
        "        bits_per_cell: 2\n" +                     // 15
        "        adc_bits: 8\n" +                          // 16
        "        components:\n" +                          // 17
        "          xbar:\n" +                              // 18
        "            count: 8\n" +                         // 19
        "            energy: 170pJ\n" +                    // 20
        "            area: 0.000025mm2\n" +                // 21
        "            source: test\n" +                     // 22
        "          snh:\n" +                               // 23
        "            energy: 1pJ\n" +                      // 24
        "            leakage: 1mW\n" +                     // 25
        "            source: test\n" +                     // 26
        "        dac_bits: 1\n" +                          // 27
        "        adcs: 2\n" +                              // 28
        "        stack_layers: 1\n" +                      // 29
        "        pipeline_stages: 3\n" +                   // 30
        "      register_file_words: 2048\n" +              // 31
        "      instruction_memory_entries: 512\n" +        // 32
        "      alu_lanes: 4\n" +                           // 33
        "      instruction_latency: {set: 1, copy: 1, alu_per_lane_step: 1, load_store_per_access: 1, halt: 1, fetch: 1, decode: 1}\n" + // 34
        "    word_bits: 16\n" +                            // 35
        "    bus_width_words: 16\n" +                      // 36
        "    shared_memory_latency: 2\n" +                 // 37
        "    shared_memory_ports: 1\n" +                   // 38
        "    receive_buffer_depth: 150\n" +                // 39
        "    instruction_memory_entries: 2048\n" +         // 40
        "noc:\n" +                                         // 41
        "  concentration: 4\n" +                           // 42
        "  flit_bits: 32\n" +                              // 43
        "  packet_words: 16\n" +                           // 44
        "  link_flits_per_cycle: 1\n" +                    // 45
        "  router_latency: 1\n" +                          // 46
        "  link_latency: 1\n" +                            // 47
        "  tiles_per_node: 138\n" +                        // 48
        "  inter_node_latency: 36\n";                      // 49

    private static SpecError One(string text, params string[] sets)
    {
        using var dir = new TempDirectory();
        var path = dir.File("tiny.yaml", text);
        var e = Assert.Throws<SpecException>(() => ArchitectureLoader.Load(path, sets));
        var error = Assert.Single(e.Errors);
        Assert.True(error.File == path || error.File == "--set", error.ToString());
        return error;
    }

    private static string Replace(string line, string with)
    {
        Assert.Contains(line, Valid, StringComparison.Ordinal);
        return Valid.Replace(line, with, StringComparison.Ordinal);
    }

    [Fact]
    public void The_valid_base_loads_with_its_components_priced()
    {
        using var dir = new TempDirectory();
        var spec = ArchitectureLoader.Load(dir.File("tiny.yaml", Valid));
        var mvmu = spec.AnalogTile!.Core.Mvmu;
        Assert.Equal(170.0, mvmu.Component("xbar")!.Energy(ComponentActions.Mvm) * 1e12, 9);
        Assert.Equal(1e-3, mvmu.Component("snh")!.LeakageWatts, 12);
    }

    [Fact]
    public void A_misspelt_component_is_refused_with_the_nearest_name_file_line_and_column()
    {
        var e = One(Replace("          snh:\n", "          shn:\n"));

        Assert.Equal(23, e.Line);
        Assert.Equal(11, e.Column);
        Assert.Equal("tiles.analog.core.mvmu.components.shn", e.Path);
        Assert.Contains("unknown component 'shn' (did you mean 'snh'?)", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected one of: xbar, adc, dac, snh, sna, layer_select, input_buffer, output_buffer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_component_at_the_wrong_level_says_where_it_belongs()
    {
        var e = One(Replace("    shared_memory: 4KiB\n", "    shared_memory: 4KiB\n    components:\n      adc: {energy: 1pJ, source: test}\n"));

        Assert.Equal(9, e.Line);
        Assert.Equal("tiles.analog.components.adc", e.Path);
        Assert.Contains("'adc' is not a component of tiles.analog; it belongs under tiles.analog.core.mvmu.components", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_digital_mvmu_component_under_an_analog_mvmu_is_refused()
    {
        var e = One(Replace("          snh:\n", "          mac:\n"));

        Assert.Equal("tiles.analog.core.mvmu.components.mac", e.Path);
        Assert.Contains("it belongs under tiles.digital.core.mvmu.components", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_energy_action_is_refused_instead_of_pricing_the_crossbar_at_zero()
    {
        var e = One(Replace("            energy: 170pJ\n", "            energy: {bogus: 42.5pJ}\n"));

        Assert.Equal(20, e.Line);
        Assert.Equal(22, e.Column);
        Assert.Equal("tiles.analog.core.mvmu.components.xbar.energy.bogus", e.Path);
        Assert.Equal("'xbar' has no action 'bogus': the hardware counts mvm; expected one of: access, mvm", e.Message);
    }

    [Fact]
    public void A_near_miss_action_gets_a_suggestion()
    {
        var e = One(Replace("            energy: 170pJ\n", "            energy: {mvn: 170pJ}\n"));

        Assert.Contains("has no action 'mvn' (did you mean 'mvm'?)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_override_with_a_bogus_action_names_the_override()
    {
        var e = One(Valid, "tiles.analog.core.mvmu.components.xbar.energy={bogus: 42.5pJ}");

        Assert.Equal("--set", e.File);
        Assert.Equal("tiles.analog.core.mvmu.components.xbar.energy.bogus", e.Path);
    }

    [Fact]
    public void The_counted_action_and_the_default_access_are_both_accepted()
    {
        using var dir = new TempDirectory();
        var spec = ArchitectureLoader.Load(dir.File("tiny.yaml", Replace("            energy: 170pJ\n", "            energy: {access: 1pJ, mvm: 170pJ}\n")));

        Assert.Equal(170.0, spec.AnalogTile!.Core.Mvmu.Component("xbar")!.Energy(ComponentActions.Mvm) * 1e12, 9);
    }

    [Fact]
    public void Programming_counts_are_not_declarable_components()
    {
        var e = One(Replace("          snh:\n", "          cell:\n"));

        Assert.Contains("'cell' is not a component: it counts a weight cell written when programming the weights", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_name_is_listed_once_per_level_and_tile_kind()
    {
        var keys = ComponentCatalogue.All.SelectMany(e => (e.TileKinds.IsEmpty ? [TileKind.Analog] : e.TileKinds).Select(k => (e.Name, e.Level, k))).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(ComponentCatalogue.All, e => Assert.Equal(e.TileKinds.IsEmpty, e.Level is ComponentLevel.Noc or ComponentLevel.Node));
    }

    [Fact]
    public void Only_the_adc_and_the_layer_select_are_timed()
    {
        // The latencies a model reads: MvmuTiming.AnalogLatencyCycles takes the ADC's and the layer select's.
        Assert.Equal(["adc", "layer_select"], ComponentCatalogue.All.Where(e => e.Timed).Select(e => e.Name));
    }

    [Fact]
    public void The_alu_divide_is_accepted_but_is_no_counted_action()
    {
        var alu = ComponentCatalogue.Find(ComponentCatalogue.Alu, ComponentLevel.Core, TileKind.Digital)!;

        Assert.Contains(ComponentActions.Div, alu.EnergyKeys);
        Assert.DoesNotContain(ComponentActions.Div, alu.Actions);
    }
}
