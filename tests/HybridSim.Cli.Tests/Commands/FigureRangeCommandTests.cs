namespace HybridSim.Cli.Tests.Commands;

/// <summary>
/// The issue's overflow and range cases through the command line: each is exit 1 naming the file, line and field
/// (or the option), with no stack trace, instead of a divide by zero (exit 70), a wrapped clock with negative cycles
/// and energies (exit 0), "Infinity GJ", or running out of memory (issue 15, sections 1 and 2).
/// </summary>
public sealed class FigureRangeCommandTests
{
    private static readonly string Workload = CliHarness.Workload("mlp-digits.yaml");

    /// <summary>An architecture file that extends the shipped PUMA and changes one line (line 2).</summary>
    private static string Extending(TempDirectory dir, string line) =>
        dir.File("arch.yaml", $"extends: {CliHarness.Arch("puma.yaml")}\n{line}\n");

    [Theory]
    [InlineData("clock: 2000GHz")]
    [InlineData("clock: 1e-300Hz")]
    [InlineData("clock: 0.001Hz")]
    public void Run_with_a_clock_outside_its_range_is_exit_1_naming_the_file_line_and_field(string line)
    {
        using var dir = new TempDirectory();
        var arch = Extending(dir, line);

        var (code, output, err) = CliHarness.Invoke("run", "--arch", arch, "--workload", Workload);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($"error: {arch}:2:8: clock: out of range: expected a frequency from 1kHz to 1000GHz, found '{line[7..]}'\n", err.Replace("\r", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1e7s")]
    [InlineData("1e30s")]
    public void Run_with_an_adc_latency_past_the_clock_is_exit_1_naming_the_field_and_the_largest_time(string latency)
    {
        var (code, output, err) = CliHarness.Invoke("run", "--arch", CliHarness.Arch("puma.yaml"), "--workload", Workload,
            "--set", $"tiles.analog.core.mvmu.components.adc.latency={latency}");

        Assert.Equal(1, code);
        Assert.DoesNotContain("cycles", output, StringComparison.Ordinal);
        Assert.Contains($"tiles.analog.core.mvmu.components.adc.latency: out of range: expected a time from 0 to 1s, found '{latency}'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_longer_than_the_64_bit_picosecond_clock_is_exit_1_never_negative_cycles()
    {
        // Every figure in range, but 1e6-cycle ALU steps at 1 kHz (1000 s each) for 200 inferences pass 2^63 ps.
        var (code, output, err) = CliHarness.Invoke("run", "--arch", CliHarness.Arch("puma.yaml"), "--workload", Workload,
            "--set", "clock=1kHz", "--set", "tiles.analog.core.instruction_latency.alu_per_lane_step=1000000", "--batch", "200");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("simulated time: the run takes longer than the simulator's 64-bit picosecond clock can count", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tiles.analog.core.mvmu.components.xbar.energy=1e308J", "an energy from 0 to 1J")]
    [InlineData("tiles.analog.components.edram.leakage=1e308W", "a power from 0 to 1000W")]
    [InlineData("tiles.analog.components.edram.area=1e308mm2", "an area from 0 to 1000000mm2")]
    public void Energies_powers_and_areas_of_1e308_are_exit_1_not_infinity(string set, string range)
    {
        var (code, output, err) = CliHarness.Invoke("run", "--arch", CliHarness.Arch("puma.yaml"), "--workload", Workload, "--set", set);

        Assert.Equal(1, code);
        Assert.DoesNotContain("Infinity", output + err, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", output + err, StringComparison.Ordinal);
        Assert.Contains($"out of range: expected {range}, found '1e308", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tiles.analog.shared_memory_ports=1000000000", "an integer from 1 to 64")]
    [InlineData("tiles.analog.cores=1000000000", "an integer from 1 to 1024")]
    public void Counts_that_would_exhaust_memory_are_exit_1_before_any_allocation(string set, string range)
    {
        var before = GC.GetTotalAllocatedBytes();
        var (code, _, err) = CliHarness.Invoke("validate", "--arch", CliHarness.Arch("puma.yaml"), "--set", set);

        Assert.Equal(1, code);
        Assert.Contains($"out of range: expected {range}, found 1000000000", err, StringComparison.Ordinal);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 512L * 1024 * 1024);
    }

    [Fact]
    public void Run_with_batch_2147483647_is_exit_1_before_loading_anything()
    {
        var before = GC.GetTotalAllocatedBytes();
        var (code, output, err) = CliHarness.Invoke("run", "--arch", CliHarness.Arch("puma.yaml"), "--workload", Workload, "--batch", "2147483647");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("error: --batch: 2147483647: out of range: expected an integer from 1 to 100000", err, StringComparison.Ordinal);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 512L * 1024 * 1024);
    }
}
