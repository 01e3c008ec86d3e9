using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Tests.Architecture;

/// <summary>Each class of bad input names the file, the line and the field, and says what was expected.</summary>
public sealed class ArchitectureLoaderErrorTests
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
        "        dac_bits: 1\n" +                          // 23
        "        adcs: 2\n" +                              // 24
        "        stack_layers: 1\n" +                      // 25
        "        pipeline_stages: 3\n" +                   // 26
        "      register_file_words: 2048\n" +              // 27
        "      instruction_memory_entries: 512\n" +        // 28
        "      alu_lanes: 4\n" +                           // 29
        "      instruction_latency: {set: 1, copy: 1, alu_per_lane_step: 1, load_store_per_access: 1, halt: 1, fetch: 1, decode: 1}\n" + // 30
        "    word_bits: 16\n" +                            // 31
        "    bus_width_words: 16\n" +                      // 32
        "    shared_memory_latency: 2\n" +                 // 33
        "    shared_memory_ports: 1\n" +                   // 34
        "    receive_buffer_depth: 150\n" +                // 35
        "    instruction_memory_entries: 2048\n" +         // 36
        "noc:\n" +                                         // 37
        "  concentration: 4\n" +                           // 38
        "  flit_bits: 32\n" +                              // 39
        "  packet_words: 16\n" +                           // 40
        "  link_flits_per_cycle: 1\n" +                    // 41
        "  router_latency: 1\n" +                          // 42
        "  link_latency: 1\n" +                            // 43
        "  tiles_per_node: 138\n" +                        // 44
        "  inter_node_latency: 36\n";                      // 45

    private static SpecError One(string text, params string[] sets)
    {
        using var dir = new TempDirectory();
        var path = dir.File("tiny.yaml", text);
        var e = Assert.Throws<SpecException>(() => ArchitectureLoader.Load(path, sets));
        var error = Assert.Single(e.Errors);
        Assert.True(error.File == path || error.File == "--set", error.ToString());
        return error;
    }

    private static string Replace(string line, string with) => Valid.Replace(line, with, StringComparison.Ordinal);

    [Fact]
    public void The_valid_base_loads()
    {
        using var dir = new TempDirectory();
        var spec = ArchitectureLoader.Load(dir.File("tiny.yaml", Valid));
        Assert.Equal(2, spec.AnalogTile!.Count);
        Assert.Equal(2048, spec.AnalogTile.SharedMemoryWords);
    }

    [Fact]
    public void Unknown_key_suggests_the_nearest()
    {
        var e = One(Replace("        adc_bits: 8\n", "        adc_bits: 8\n        adc_bts: 8\n"));
        Assert.Equal((17, "tiles.analog.core.mvmu.adc_bts"), (e.Line, e.Path));
        Assert.Contains("did you mean 'adc_bits'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_field_names_it()
    {
        var e = One(Replace("        adc_bits: 8\n", ""));
        Assert.Equal((10, "tiles.analog.core.mvmu.adc_bits"), (e.Line, e.Path));
        Assert.Contains("missing required field 'adc_bits'", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Technology figures have no default in C# (issue 14, section 3): a file that leaves one out is refused.</summary>
    [Theory]
    [InlineData("    receive_buffer_depth: 150\n", 4, "tiles.analog.receive_buffer_depth")]
    [InlineData("  tiles_per_node: 138\n", 37, "noc.tiles_per_node")]
    [InlineData("  inter_node_latency: 36\n", 37, "noc.inter_node_latency")]
    [InlineData("        pipeline_stages: 3\n", 10, "tiles.analog.core.mvmu.pipeline_stages")]
    [InlineData("      alu_lanes: 4\n", 8, "tiles.analog.core.alu_lanes")]
    public void A_technology_figure_left_out_is_a_missing_field(string line, int expectedLine, string path)
    {
        var e = One(Replace(line, ""));
        Assert.Equal((expectedLine, path), (e.Line, e.Path));
        Assert.Contains($"missing required field '{path[(path.LastIndexOf('.') + 1)..]}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_says_what_was_expected()
    {
        var e = One(Replace("        rows: 128\n", "        rows: many\n"));
        Assert.Equal((11, "tiles.analog.core.mvmu.rows"), (e.Line, e.Path));
        Assert.Contains("expected an integer from 1 to 65536, found 'many'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_unit_names_the_family()
    {
        var e = One(Replace("energy: 170pJ", "energy: 170"));
        Assert.Equal((20, "tiles.analog.core.mvmu.components.xbar.energy"), (e.Line, e.Path));
        Assert.Contains("has no unit; expected an energy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_unit_names_the_family()
    {
        var e = One(Replace("clock: 1GHz", "clock: 1GHZZ"));
        Assert.Equal((2, "clock"), (e.Line, e.Path));
        Assert.Contains("unknown unit 'GHZZ'", e.Message, StringComparison.Ordinal);
        Assert.Contains("a frequency (Hz, kHz, MHz, GHz)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_positive_size_is_refused()
    {
        var e = One(Replace("    cores: 1\n", "    cores: 0\n"));
        Assert.Equal((6, "tiles.analog.cores"), (e.Line, e.Path));
        Assert.Contains("must be positive", e.Message, StringComparison.Ordinal);
        var m = One(Replace("shared_memory: 4KiB", "shared_memory: 0KiB"));
        Assert.Equal((7, "tiles.analog.shared_memory"), (m.Line, m.Path));
    }

    [Fact]
    public void Weight_bits_must_be_a_multiple_of_bits_per_cell()
    {
        var e = One(Replace("        weight_bits: 16\n", "        weight_bits: 15\n"));
        Assert.Equal((13, "tiles.analog.core.mvmu.weight_bits"), (e.Line, e.Path));
        Assert.Contains("weight_bits 15 is not a multiple of bits_per_cell 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adc_narrower_than_the_column_range_is_a_warning_naming_the_bits_it_needs()
    {
        using var dir = new TempDirectory();
        var spec = ArchitectureLoader.Load(dir.File("tiny.yaml", Replace("        adc_bits: 8\n", "        adc_bits: 6\n")));
        Assert.Equal(6, ((AnalogMvmuSpec)spec.AnalogTile!.Core.Mvmu).AdcBits);
        var w = Assert.Single(spec.Warnings);
        Assert.Equal((16, "tiles.analog.core.mvmu.adc_bits"), (w.Line, w.Path));
        Assert.Contains("adc_bits 6 is fewer than the 8 bits", w.Message, StringComparison.Ordinal);
        Assert.Contains("clipped (adc_range: clip)", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wide_enough_adc_gives_no_warning() =>
        Assert.Empty(LoadValid(Valid).Warnings);

    [Fact]
    public void Device_defaults_to_ideal_and_adc_range_to_clip()
    {
        var mvmu = (AnalogMvmuSpec)LoadValid(Valid).AnalogTile!.Core.Mvmu;
        Assert.True(mvmu.Device.IsIdeal);
        Assert.Equal(AdcRange.Clip, mvmu.AdcRange);
    }

    [Fact]
    public void Device_ideal_is_accepted_as_one_word()
    {
        var mvmu = (AnalogMvmuSpec)LoadValid(Replace("        adc_bits: 8\n", "        adc_bits: 8\n        adc_range: full\n        device: ideal\n")).AnalogTile!.Core.Mvmu;
        Assert.True(mvmu.Device.IsIdeal);
        Assert.Equal(AdcRange.Full, mvmu.AdcRange);
    }

    [Fact]
    public void Device_block_reads_every_key_with_units()
    {
        var block = "        device:\n          programming_sigma: 0.25\n          programming_distribution: lognormal\n" +
            "          stuck_at_low_rate: 0.01\n          stuck_at_high_rate: 0.02\n          read_noise_sigma: 0.1\n" +
            "          on_off_ratio: 10\n          wire_resistance: 2.5ohm\n          cell_resistance: 10kohm\n          source: test\n";
        var d = ((AnalogMvmuSpec)LoadValid(Replace("        adc_bits: 8\n", "        adc_bits: 8\n" + block)).AnalogTile!.Core.Mvmu).Device;
        Assert.Equal(new DeviceSpec(0.25, ProgrammingDistribution.Lognormal, 0.01, 0.02, 0.1, 10, 2.5, 10_000, "test"), d);
        Assert.False(d.IsIdeal);
        Assert.True(d.HasWireModel);
    }

    [Theory]
    [InlineData("          programming_sigma: -1\n          source: x\n", 18, "device.programming_sigma", "out of range")]
    [InlineData("          stuck_at_low_rate: 2\n          source: x\n", 18, "device.stuck_at_low_rate", "fraction of cells from 0 to 1")]
    [InlineData("          on_off_ratio: 1\n          source: x\n", 18, "device.on_off_ratio", "above 1")]
    [InlineData("          wire_resistance: 1ohm\n          source: x\n", 18, "device.cell_resistance", "needs both")]
    [InlineData("          wire_resistance: 1pJ\n          cell_resistance: 1ohm\n          source: x\n", 18, "device.wire_resistance", "resistance")]
    [InlineData("          read_noise_sigma: 0.1\n", 18, "device.source", "missing required field 'source'")]
    [InlineData("          programming_sigma: 0.1\n          programming_distribution: uniform\n          source: x\n", 19, "device.programming_distribution", "gaussian")]
    [InlineData("          read_nois_sigma: 0.1\n          source: x\n", 18, "device.read_nois_sigma", "did you mean 'read_noise_sigma'")]
    public void Bad_device_figures_name_the_line_and_field(string block, int line, string field, string message)
    {
        var e = One(Replace("        adc_bits: 8\n", "        adc_bits: 8\n        device:\n" + block));
        Assert.Equal((line, "tiles.analog.core.mvmu." + field), (e.Line, e.Path));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    private static ArchitectureSpec LoadValid(string text)
    {
        using var dir = new TempDirectory();
        return ArchitectureLoader.Load(dir.File("tiny.yaml", text));
    }

    [Theory]
    [InlineData(128, 1, 2, 8)]
    [InlineData(64, 1, 2, 7)]
    [InlineData(256, 1, 2, 9)]
    [InlineData(128, 2, 2, 10)]
    public void Adc_rule_matches_puma_and_hyperx(int rows, int dac, int cell, int expected)
    {
        Assert.Equal(expected, ArchitectureLoader.RequiredAdcBits(rows, dac, cell));
    }

    [Fact]
    public void Xbar_count_must_match_the_bit_slices()
    {
        var e = One(Replace("            count: 8\n", "            count: 4\n"));
        Assert.Equal((19, "tiles.analog.core.mvmu.components.xbar.count"), (e.Line, e.Path));
        Assert.Contains("expected count: 8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_component_source_is_an_error()
    {
        var e = One(Replace("            source: test\n", ""));
        Assert.Equal((18, "tiles.analog.core.mvmu.components.xbar.source"), (e.Line, e.Path));
    }

    [Fact]
    public void Tab_duplicate_key_and_syntax_errors_come_through_the_loader()
    {
        Assert.Equal(6, One(Replace("    cores: 1\n", "\tcores: 1\n")).Line);
        var dup = One(Replace("    cores: 1\n", "    cores: 1\n    cores: 2\n"));
        Assert.Equal((7, "tiles.analog.cores"), (dup.Line, dup.Path));
        Assert.Contains("YAML syntax error", One(Replace("    cores: 1\n", "    cores: [1\n")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_binary_deep_and_bomb_files_are_refused()
    {
        Assert.Contains("empty", One("# nothing\n").Message, StringComparison.Ordinal);
        Assert.Contains("nesting", One("a: " + new string('[', 5000) + "\n").Message, StringComparison.Ordinal);
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 9).Select(i =>
            $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat("*" + (char)('a' + i - 1), 10))}]\n"));
        Assert.Contains("expands to more than", One(bomb).Message, StringComparison.Ordinal);
        using var dir = new TempDirectory();
        var bin = dir.File("x.yaml", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]);
        var e = Assert.Single(Assert.Throws<SpecException>(() => ArchitectureLoader.Load(bin)).Errors);
        Assert.Contains("binary file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Circular_extends_and_missing_include_are_reported_at_the_reference()
    {
        using var dir = new TempDirectory();
        var a = dir.File("a.yaml", "extends: b.yaml\n" + Valid);
        dir.File("b.yaml", "extends: a.yaml\n");
        var e = Assert.Single(Assert.Throws<SpecException>(() => ArchitectureLoader.Load(a)).Errors);
        Assert.Equal((1, "extends"), (e.Line, e.Path));
        Assert.Contains("circular extends", e.Message, StringComparison.Ordinal);
        var m = One("include: [gone.yaml]\n" + Valid);
        Assert.Equal((1, "include[0]"), (m.Line, m.Path));
        Assert.Contains("not found", m.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_set_key_suggests_and_names_the_override()
    {
        var e = One(Valid, "tiles.analog.core.mvmu.rowz=64");
        Assert.Equal(("--set", 1, "tiles.analog.core.mvmu.rowz"), (e.File, e.Line, e.Path));
        Assert.Contains("did you mean 'rows'", e.Message, StringComparison.Ordinal);
        var v = One(Valid, "tiles.analg.count=3");
        Assert.Contains("'tiles.analg' does not exist (did you mean 'analog'?)", v.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        using var dir = new TempDirectory();
        var path = dir.File("tiny.yaml", Valid.Replace("rows: 128", "rows: x", StringComparison.Ordinal).Replace("clock: 1GHz", "clock: 1", StringComparison.Ordinal));
        var e = Assert.Throws<SpecException>(() => ArchitectureLoader.Load(path));
        Assert.Equal(2, e.Errors.Length);
    }

    [Fact]
    public void Partition_takes_exactly_one_kind()
    {
        var e = One(Valid + "partition: {freeze: 3, rank: 2}\n");
        Assert.Equal((46, "partition"), (e.Line, e.Path));
        using var dir = new TempDirectory();
        var spec = ArchitectureLoader.Load(dir.File("p.yaml", Valid + "partition: {rank: 4}\n"));
        Assert.Equal(PartitionSpec.Rank(4), spec.DefaultPartition);
    }
}
