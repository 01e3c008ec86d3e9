using HybridSim.Specs.Architecture;
using HybridSim.Specs.Architecture.Schema;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Tests.Architecture;

/// <summary>
/// Every numeric figure of the schema has a range (FigureRanges, docs/architecture-files.md): a clock whose cycle is
/// not a whole number of picoseconds, a time that would overflow the 64-bit picosecond clock, energies, powers and
/// areas of 1e308, and counts that would exhaust memory are exit-1 errors naming the file, line, field and range
/// (issue 15, sections 1 and 2).
/// </summary>
public sealed class FigureRangeTests
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
        "    shared_memory_ports: 1\n" +                   // 8
        "    core:\n" +                                    // 9
        "      mvmus: 1\n" +                               // 10
        "      register_file_words: 2048\n" +              // 11
        "      mvmu:\n" +                                  // 12
        "        rows: 128\n" +                            // 13
        "        cols: 128\n" +                            // 14
        "        weight_bits: 16\n" +                      // 15
        "        input_bits: 16\n" +                       // 16
        "        bits_per_cell: 2\n" +                     // 17
        "        adc_bits: 8\n" +                          // 18
        "        components:\n" +                          // 19
        "          xbar:\n" +                              // 20
        "            count: 8\n" +                         // 21
        "            energy: 170pJ\n" +                    // 22
        "            leakage: 0.2mW\n" +                   // 23
        "            area: 0.000025mm2\n" +                // 24
        "            source: test\n" +                     // 25
        "          adc:\n" +                               // 26
        "            count: 2\n" +                         // 27
        "            latency: 100ns\n" +                   // 28
        "            energy: {access: 2pJ}\n" +            // 29
        "            source: test\n" +                     // 30
        "        dac_bits: 1\n" +                          // 31
        "        adcs: 2\n" +                              // 32
        "        stack_layers: 1\n" +                      // 33
        "        pipeline_stages: 3\n" +                   // 34
        "      instruction_memory_entries: 512\n" +        // 35
        "      alu_lanes: 4\n" +                           // 36
        "      instruction_latency: {set: 1, copy: 1, alu_per_lane_step: 1, load_store_per_access: 1, halt: 1, fetch: 1, decode: 1}\n" + // 37
        "    word_bits: 16\n" +                            // 38
        "    bus_width_words: 16\n" +                      // 39
        "    shared_memory_latency: 2\n" +                 // 40
        "    receive_buffer_depth: 150\n" +                // 41
        "    instruction_memory_entries: 2048\n" +         // 42
        "noc:\n" +                                         // 43
        "  concentration: 4\n" +                           // 44
        "  flit_bits: 32\n" +                              // 45
        "  packet_words: 16\n" +                           // 46
        "  link_flits_per_cycle: 1\n" +                    // 47
        "  router_latency: 1\n" +                          // 48
        "  link_latency: 1\n" +                            // 49
        "  tiles_per_node: 138\n" +                        // 50
        "  inter_node_latency: 36\n";                      // 51

    private static SpecError One(string line, string with)
    {
        Assert.Contains(line, Valid, StringComparison.Ordinal);
        using var dir = new TempDirectory();
        var path = dir.File("tiny.yaml", Valid.Replace(line, with, StringComparison.Ordinal));
        var e = Assert.Throws<SpecException>(() => ArchitectureLoader.Load(path));
        var error = Assert.Single(e.Errors);
        Assert.Equal(path, error.File);
        return error;
    }

    [Fact]
    public void The_valid_base_loads()
    {
        using var dir = new TempDirectory();
        Assert.Equal(1e9, ArchitectureLoader.Load(dir.File("tiny.yaml", Valid)).ClockHz);
    }

    [Theory]
    [InlineData("0.001Hz")]
    [InlineData("1e-300Hz")]
    [InlineData("2000GHz")]
    [InlineData("1e300GHz")]
    public void A_clock_outside_1kHz_to_1THz_names_the_line_field_and_range(string clock)
    {
        var e = One("clock: 1GHz", $"clock: {clock}");

        Assert.Equal((2, 1 + "clock: ".Length, "clock"), (e.Line, e.Column, e.Path));
        Assert.Equal($"out of range: expected a frequency from 1kHz to 1000GHz, found '{clock}'", e.Message);
    }

    [Theory]
    [InlineData("1kHz")]
    [InlineData("1000GHz")]
    public void The_clock_bounds_themselves_are_accepted(string clock)
    {
        using var dir = new TempDirectory();
        var spec = ArchitectureLoader.Load(dir.File("tiny.yaml", Valid.Replace("clock: 1GHz", $"clock: {clock}", StringComparison.Ordinal)));

        Assert.InRange(spec.CyclePicoseconds, 1, 1_000_000_000);
    }

    [Theory]
    [InlineData("1e7s")]
    [InlineData("1e30s")]
    [InlineData("1e20cycles")]
    public void A_latency_past_the_picosecond_clock_names_the_field_and_the_largest_time(string latency)
    {
        var e = One("latency: 100ns", $"latency: {latency}");

        Assert.Equal((28, "tiles.analog.core.mvmu.components.adc.latency"), (e.Line, e.Path));
        Assert.Equal($"out of range: expected a time from 0 to 1s, found '{latency}'", e.Message);
    }

    [Theory]
    [InlineData("energy: 170pJ", "energy: 1e308J", 22, "xbar.energy", "an energy from 0 to 1J")]
    [InlineData("energy: {access: 2pJ}", "energy: {access: 1e308pJ}", 29, "adc.energy.access", "an energy from 0 to 1J")]
    [InlineData("leakage: 0.2mW", "leakage: 1e308W", 23, "xbar.leakage", "a power from 0 to 1000W")]
    [InlineData("area: 0.000025mm2", "area: 1e308mm2", 24, "xbar.area", "an area from 0 to 1000000mm2")]
    public void Energies_powers_and_areas_of_1e308_are_refused_naming_the_range(string line, string with, int at, string field, string range)
    {
        var e = One(line, with);

        Assert.Equal((at, "tiles.analog.core.mvmu.components." + field), (e.Line, e.Path));
        Assert.StartsWith($"out of range: expected {range}, found '", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shared_memory_ports: 1", "shared_memory_ports: 1000000000", 8, "tiles.analog.shared_memory_ports", "an integer from 1 to 64, found 1000000000")]
    [InlineData("cores: 1", "cores: 1000000000", 6, "tiles.analog.cores", "an integer from 1 to 1024, found 1000000000")]
    [InlineData("rows: 128", "rows: 99999999999", 13, "tiles.analog.core.mvmu.rows", "an integer from 1 to 65536, found 99999999999")]
    [InlineData("register_file_words: 2048", "register_file_words: 99999999999999999999999", 11, "tiles.analog.core.register_file_words", "an integer from 1 to 16777216, found 99999999999999999999999")]
    [InlineData("count: 2\n    cores", "count: 1000000000\n    cores", 5, "tiles.analog.count", "an integer from 1 to 65536, found 1000000000")]
    [InlineData("shared_memory: 4KiB", "shared_memory: 1e308GiB", 7, "tiles.analog.shared_memory", "a size above 0 and at most 64MiB, found '1e308GiB'")]
    public void Counts_and_sizes_that_would_exhaust_memory_are_refused_up_front(string line, string with, int at, string field, string message)
    {
        var e = One(line, with);

        Assert.Equal((at, field), (e.Line, e.Path));
        Assert.Equal("out of range: expected " + message, e.Message);
    }

    [Fact]
    public void Every_numeric_figure_of_the_schema_has_a_finite_range()
    {
        foreach (var section in ArchitectureSchema.All)
        {
            foreach (var f in section.Fields)
            {
                switch (f.Kind)
                {
                    case FieldKind.Integer or FieldKind.Cycles or FieldKind.IntegerOrAuto:
                        Assert.True(f.Max <= int.MaxValue, $"{section.Name}.{f.Name} has no largest value");
                        Assert.Contains(" to ", f.TypeText, StringComparison.Ordinal);
                        break;
                    case FieldKind.Quantity or FieldKind.Number:
                        Assert.True(double.IsFinite(f.UpperSi), $"{section.Name}.{f.Name} has no largest value");
                        Assert.Contains(" at most ", f.TypeText.Replace(" to ", " at most ", StringComparison.Ordinal), StringComparison.Ordinal);
                        break;
                }
            }
        }
    }

    [Fact]
    public void Describe_text_shows_the_ranges()
    {
        Assert.Equal("a frequency (Hz, kHz, MHz, GHz) from 1kHz to 1000GHz", ArchitectureSchema.Top.Field("clock").TypeText);
        Assert.Equal("a time (ps, ns, us, ms, s, cycles) from 0 to 1s", ArchitectureSchema.Component.Field("latency").TypeText);
        Assert.Equal("integer from 1 to 64", ArchitectureSchema.Tile.Field("shared_memory_ports").TypeText);
        Assert.Equal("fraction of cells from 0 to 1", ArchitectureSchema.Device.Field("stuck_at_low_rate").TypeText);
    }

    [Fact]
    public void Shipped_architectures_lie_inside_every_range()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Arch(""), "*.yaml"))
        {
            Assert.NotNull(ArchitectureLoader.Load(file));
        }
    }
}
