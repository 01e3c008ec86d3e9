using HybridSim.Specs.Validation;

namespace HybridSim.Hardware.Tests;

/// <summary>Time conversions are checked: a duration that does not fit names its field; none wraps to a negative count.</summary>
public sealed class CyclesTests
{
    [Fact]
    public void A_hundred_nanoseconds_at_one_gigahertz_is_a_hundred_cycles() =>
        Assert.Equal(100, Cycles.FromSeconds(100e-9, 1e9, "a.yaml", "adc.latency"));

    [Theory]
    [InlineData(1e30)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void A_duration_past_the_cycle_limit_names_the_file_field_and_largest_time(double seconds)
    {
        var e = Assert.Throws<SpecException>(() => Cycles.FromSeconds(seconds, 1e9, "a.yaml", "tiles.analog.core.mvmu.components.adc.latency"));

        var error = Assert.Single(e.Errors);
        Assert.Equal(("a.yaml", "tiles.analog.core.mvmu.components.adc.latency"), (error.File, error.Path));
        Assert.Contains("is more than 9007199254740992 cycles; expected a time of at most ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" s at this clock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycles_of_the_longest_run_are_positive_and_rounded_up()
    {
        Assert.Equal((long.MaxValue / 1000) + 1, Cycles.FromPicoseconds(long.MaxValue, 1000));
        Assert.Equal(3, Cycles.FromPicoseconds(3000, 1000));
        Assert.Equal(0, Cycles.FromPicoseconds(0, 1000));
    }
}
