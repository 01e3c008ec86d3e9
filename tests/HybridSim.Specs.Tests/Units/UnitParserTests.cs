using HybridSim.Specs.Units;

namespace HybridSim.Specs.Tests.Units;

public sealed class UnitParserTests
{
    [Theory]
    [InlineData("100ns", UnitKind.Time, 100e-9)]
    [InlineData("12.5 ns", UnitKind.Time, 12.5e-9)]
    [InlineData("3ps", UnitKind.Time, 3e-12)]
    [InlineData("2us", UnitKind.Time, 2e-6)]
    [InlineData("1.5ms", UnitKind.Time, 1.5e-3)]
    [InlineData("1s", UnitKind.Time, 1.0)]
    [InlineData("1.8pJ", UnitKind.Energy, 1.8e-12)]
    [InlineData("170pJ", UnitKind.Energy, 170e-12)]
    [InlineData("5fJ", UnitKind.Energy, 5e-15)]
    [InlineData("2nJ", UnitKind.Energy, 2e-9)]
    [InlineData("1uJ", UnitKind.Energy, 1e-6)]
    [InlineData("1e-3J", UnitKind.Energy, 1e-3)]
    [InlineData("0.2mW", UnitKind.Power, 0.2e-3)]
    [InlineData("7nW", UnitKind.Power, 7e-9)]
    [InlineData("3uW", UnitKind.Power, 3e-6)]
    [InlineData("2W", UnitKind.Power, 2.0)]
    [InlineData("0.0012mm2", UnitKind.Area, 0.0012e-6)]
    [InlineData("25um2", UnitKind.Area, 25e-12)]
    [InlineData("64KiB", UnitKind.Size, 65536.0)]
    [InlineData("2MiB", UnitKind.Size, 2097152.0)]
    [InlineData("16B", UnitKind.Size, 16.0)]
    [InlineData("256bits", UnitKind.Size, 32.0)]
    [InlineData("1GHz", UnitKind.Frequency, 1e9)]
    [InlineData("500MHz", UnitKind.Frequency, 500e6)]
    [InlineData("10kHz", UnitKind.Frequency, 1e4)]
    [InlineData("50Hz", UnitKind.Frequency, 50.0)]
    public void Quantities_parse_to_si(string text, UnitKind kind, double expected)
    {
        Assert.Equal(1.0, UnitParser.Parse(text, kind) / expected, 12);
    }

    [Fact]
    public void Cycles_resolve_through_the_clock()
    {
        Assert.Equal(18e-9, UnitParser.Parse("18cycles", UnitKind.Time, 1e9), 1e-22);
        Assert.Equal(4e-9, UnitParser.Parse("2 cycles", UnitKind.Time, 0.5e9), 1e-22);
    }

    [Fact]
    public void Cycles_without_a_clock_is_an_error()
    {
        Assert.False(UnitParser.TryParse("2cycles", UnitKind.Time, null, out _, out var error));
        Assert.Contains("no clock", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_unit_names_the_expected_family()
    {
        Assert.False(UnitParser.TryParse("170", UnitKind.Energy, null, out _, out var error));
        Assert.Contains("has no unit", error, StringComparison.Ordinal);
        Assert.Contains("an energy (fJ, pJ, nJ, uJ, mJ, J)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_unit_names_the_expected_family()
    {
        Assert.False(UnitParser.TryParse("3 parsecs", UnitKind.Time, null, out _, out var error));
        Assert.Contains("unknown unit 'parsecs'", error, StringComparison.Ordinal);
        Assert.Contains("a time (ps, ns, us, ms, s, cycles)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_case_unit_gets_a_suggestion()
    {
        Assert.False(UnitParser.TryParse("1.8PJ", UnitKind.Energy, null, out _, out var error));
        Assert.Contains("did you mean 'pJ'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_of_another_family_is_an_error()
    {
        Assert.False(UnitParser.TryParse("5mW", UnitKind.Energy, null, out _, out var error));
        Assert.Contains("is a power, not an energy", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Comma_decimal_separator_is_refused_with_advice()
    {
        Assert.False(UnitParser.TryParse("1,8pJ", UnitKind.Energy, null, out _, out var error));
        Assert.Contains("write '.'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pJ")]
    [InlineData("")]
    [InlineData(".pJ")]
    [InlineData("abc")]
    public void Text_without_a_number_is_an_error(string text)
    {
        Assert.False(UnitParser.TryParse(text, UnitKind.Energy, null, out _, out var error));
        Assert.Contains("expected an energy", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(170e-12, UnitKind.Energy, "170pJ")]
    [InlineData(1.8e-12, UnitKind.Energy, "1.8pJ")]
    [InlineData(100e-9, UnitKind.Time, "100ns")]
    [InlineData(1e9, UnitKind.Frequency, "1GHz")]
    [InlineData(65536.0, UnitKind.Size, "64KiB")]
    [InlineData(0.0, UnitKind.Power, "0W")]
    public void Formatter_picks_a_readable_unit(double value, UnitKind kind, string expected)
    {
        Assert.Equal(expected, UnitFormatter.Format(value, kind));
    }

    [Theory]
    [InlineData(0.225 * 7 * 1e-12, UnitKind.Energy)]
    [InlineData(1.0 / 3.0 * 1e-9, UnitKind.Time)]
    [InlineData(0.0012e-6, UnitKind.Area)]
    [InlineData(123456789.123, UnitKind.Frequency)]
    [InlineData(4.7e-5, UnitKind.Power)]
    public void Formatted_values_parse_back_exactly(double value, UnitKind kind)
    {
        Assert.Equal(value, UnitParser.Parse(UnitFormatter.Format(value, kind), kind));
    }
}
