namespace HybridSim.Plotting.Tests;

public sealed class TicksTests
{
    [Fact]
    public void Zero_to_twenty_in_about_eight_steps_gets_ticks_every_two()
    {
        var ticks = Ticks.Linear(0, 20, target: 8);

        Assert.Equal([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20], ticks.Values.AsEnumerable());
        Assert.Equal("20", ticks.Labels[^1]);
    }

    [Fact]
    public void Ends_are_rounded_outwards_to_a_tick()
    {
        // range 0.87..3.4 over 6 intervals: 0.42 -> step 0.5; floor(0.87/0.5)=1 -> 0.5, ceil(3.4/0.5)=7 -> 3.5
        var ticks = Ticks.Linear(0.87, 3.4, target: 6);

        Assert.Equal(0.5, ticks.Min);
        Assert.Equal(3.5, ticks.Max);
        Assert.Equal(["0.5", "1.0", "1.5", "2.0", "2.5", "3.0", "3.5"], ticks.Labels.AsEnumerable());
    }

    [Fact]
    public void Steps_are_one_two_or_five_times_a_power_of_ten_without_float_noise()
    {
        var ticks = Ticks.Linear(0.1, 0.7, target: 6);

        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], ticks.Values.AsEnumerable());
        Assert.Equal("0.3", ticks.Labels[2]);
    }

    [Fact]
    public void A_flat_range_is_widened_by_ten_percent()
    {
        var ticks = Ticks.Linear(5, 5, target: 4);

        Assert.True(ticks.Min <= 4.5 && ticks.Max >= 5.5);
        Assert.Contains(5.0, ticks.Values);
    }

    [Fact]
    public void Zero_alone_gets_an_axis_around_zero()
    {
        var ticks = Ticks.Linear(0, 0, target: 4);

        Assert.Equal([-1, -0.5, 0, 0.5, 1], ticks.Values.AsEnumerable());
        Assert.Equal("0", ticks.Labels[2]);
    }

    [Fact]
    public void Large_values_are_labelled_in_compact_scientific_form()
    {
        var ticks = Ticks.Linear(0, 2.6e7, target: 5);

        Assert.Equal(["0", "0.5e7", "1.0e7", "1.5e7", "2.0e7", "2.5e7", "3.0e7"], ticks.Labels.AsEnumerable());
    }

    [Fact]
    public void Negative_ranges_keep_their_sign_and_never_print_minus_zero()
    {
        var ticks = Ticks.Linear(-3, 1, target: 4);

        Assert.Equal(["-3", "-2", "-1", "0", "1"], ticks.Labels.AsEnumerable());
    }

    [Fact]
    public void Log2_ticks_are_powers_of_two_covering_the_range()
    {
        var ticks = Ticks.Log2(1, 32);

        Assert.Equal([1, 2, 4, 8, 16, 32], ticks.Values.AsEnumerable());
        Assert.Equal(0.4, ticks.Fraction(4), 12);
    }

    [Fact]
    public void Log2_ticks_round_outwards_and_label_fractions()
    {
        var ticks = Ticks.Log2(0.3, 5);

        Assert.Equal(["0.25", "0.5", "1", "2", "4", "8"], ticks.Labels.AsEnumerable());
    }

    [Fact]
    public void Log2_ticks_thin_out_beyond_twelve_powers()
    {
        var ticks = Ticks.Log2(1, Math.Pow(2, 20));

        Assert.True(ticks.Values.Length <= 12);
        Assert.Equal(1, ticks.Min);
        Assert.True(ticks.Max >= Math.Pow(2, 20));
    }

    [Fact]
    public void Log2_refuses_a_non_positive_range()
    {
        Assert.Throws<ArgumentException>(() => Ticks.Log2(0, 8));
    }
}
