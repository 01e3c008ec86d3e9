using HybridSim.Specs.Units;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Tests.Yaml;

public sealed class MappingReaderTests
{
    private static (MappingReader Reader, SpecErrorList Errors) Reader(string yaml)
    {
        var errors = new SpecErrorList();
        return (new MappingReader(YamlDocumentReader.ParseMapping(yaml, "m.yaml"), "core", errors, clockHz: 1e9), errors);
    }

    [Fact]
    public void Reads_typed_values()
    {
        var (r, errors) = Reader("rows: 128\nlatency: 100ns\nname: x\non: true\nmode: per-offset\nratio: 0.5\n");
        Assert.Equal(128, r.ReadInt("rows", required: true));
        Assert.Equal(100e-9, r.ReadQuantity("latency", UnitKind.Time)!.Value, 1e-22);
        Assert.Equal("x", r.ReadString("name"));
        Assert.True(r.ReadBool("on"));
        Assert.Equal(2, r.ReadChoice<int>("mode", [new("im2col", 1), new("per-offset", 2)]));
        Assert.Equal(0.5, r.ReadNumber("ratio"));
        r.Finish();
        Assert.False(errors.HasErrors, string.Join("\n", errors.Errors));
    }

    [Fact]
    public void Unknown_key_gets_a_suggestion_and_its_position()
    {
        var (r, errors) = Reader("rows: 1\ncolums: 2\n");
        r.ReadInt("rows");
        r.ReadInt("cols");
        r.Finish();
        var e = Assert.Single(errors.Errors);
        Assert.Equal(("m.yaml", 2, 1, "core.colums"), (e.File, e.Line, e.Column, e.Path));
        Assert.Contains("unknown key 'colums' (did you mean 'cols'?)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_field_is_reported_at_its_mapping()
    {
        var (r, errors) = Reader("other: 1\n");
        r.Allow("other");
        Assert.Null(r.ReadInt("rows", required: true));
        var e = Assert.Single(errors.Errors);
        Assert.Equal(("m.yaml", 1, "core.rows"), (e.File, e.Line, e.Path));
        Assert.Contains("missing required field 'rows'; expected an integer >= 1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rows: abc\n", "expected an integer >= 1, found 'abc'")]
    [InlineData("rows: 2.5\n", "no fraction")]
    [InlineData("rows: [1]\n", "found a sequence")]
    [InlineData("rows: {a: 1}\n", "found a mapping")]
    [InlineData("rows:\n", "no value given")]
    [InlineData("rows: 0\n", "must be positive")]
    [InlineData("rows: -4\n", "must be positive")]
    public void Wrong_integer_values_say_what_was_expected(string yaml, string expected)
    {
        var (r, errors) = Reader(yaml);
        Assert.Null(r.ReadInt("rows", required: true));
        var e = Assert.Single(errors.Errors);
        Assert.Equal(("m.yaml", 1, "core.rows"), (e.File, e.Line, e.Path));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantity_errors_name_the_unit_family()
    {
        var (r, errors) = Reader("a: 170\nb: 3 furlongs\nc: -1pJ\nd: 0ns\n");
        r.ReadQuantity("a", UnitKind.Energy);
        r.ReadQuantity("b", UnitKind.Energy);
        r.ReadQuantity("c", UnitKind.Energy);
        r.ReadQuantity("d", UnitKind.Time, positive: true);
        var messages = errors.Errors.Select(e => $"{e.Line}:{e.Path}:{e.Message}").ToList();
        Assert.Equal(4, messages.Count);
        Assert.Contains("1:core.a:'170' has no unit", messages[0], StringComparison.Ordinal);
        Assert.Contains("2:core.b:unknown unit 'furlongs'", messages[1], StringComparison.Ordinal);
        Assert.Contains("3:core.c:must be zero or positive", messages[2], StringComparison.Ordinal);
        Assert.Contains("4:core.d:must be positive", messages[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_choice_gets_a_suggestion()
    {
        var (r, errors) = Reader("mode: per_offset\n");
        r.ReadChoice<int>("mode", [new("im2col", 1), new("per-offset", 2)]);
        var e = Assert.Single(errors.Errors);
        Assert.Contains("did you mean 'per-offset'", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected one of 'im2col', 'per-offset'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Did_you_mean_ignores_far_names()
    {
        Assert.Null(DidYouMean.Suggest("zzzzzz", ["rows", "cols"]));
        Assert.Equal("adc_bits", DidYouMean.Suggest("adc_bts", ["adc_bits", "dac_bits"]));
        Assert.Equal(1, DidYouMean.Distance("colsw", "colws"));
    }
}
