using HybridSim.Specs.Validation;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Tests.Yaml;

public sealed class SpecComposerTests
{
    private static string Value(SpecMapping m, string dotted)
    {
        SpecNode node = m;
        foreach (var part in dotted.Split('.'))
        {
            node = ((SpecMapping)node)[part]!;
        }

        return ((SpecScalar)node).Value;
    }

    [Fact]
    public void Extends_chain_merges_deeply_and_keeps_origins()
    {
        using var dir = new TempDirectory();
        dir.File("base/a.yaml", "x: {p: 1, q: 2}\ny: 5\nz: 9\n");
        dir.File("base/b.yaml", "extends: a.yaml\nx: {q: 3}\n");
        var child = dir.File("child.yaml", "extends: base/b.yaml\nx: {r: 4}\nz: ~\n");
        var spec = SpecComposer.Compose(child, []);
        Assert.Equal("1", Value(spec.Root, "x.p"));
        Assert.Equal("3", Value(spec.Root, "x.q"));
        Assert.Equal("4", Value(spec.Root, "x.r"));
        Assert.Null(spec.Root["z"]);
        Assert.Null(spec.Root["extends"]);
        Assert.EndsWith("a.yaml", spec.Root["y"]!.File, StringComparison.Ordinal);
        Assert.Equal(3, spec.Files.Length);
    }

    [Fact]
    public void Includes_merge_in_order_under_the_file()
    {
        using var dir = new TempDirectory();
        dir.File("a.yaml", "k: a\nm: a\n");
        dir.File("b.yaml", "k: b\nn: b\n");
        var child = dir.File("c.yaml", "include: [a.yaml, b.yaml]\nn: c\n");
        var spec = SpecComposer.Compose(child, []);
        Assert.Equal(("b", "a", "c"), (Value(spec.Root, "k"), Value(spec.Root, "m"), Value(spec.Root, "n")));
    }

    [Fact]
    public void Circular_extends_names_the_chain_file_and_line()
    {
        using var dir = new TempDirectory();
        dir.File("a.yaml", "x: 1\nextends: b.yaml\n");
        var b = dir.File("b.yaml", "extends: a.yaml\n");
        var e = Assert.Single(Assert.Throws<SpecException>(() => SpecComposer.Compose(b, [])).Errors);
        Assert.EndsWith("a.yaml", e.File, StringComparison.Ordinal);
        Assert.Equal((2, "extends"), (e.Line, e.Path));
        Assert.Contains("circular extends: b.yaml -> a.yaml -> b.yaml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_include_is_reported_at_the_reference()
    {
        using var dir = new TempDirectory();
        var c = dir.File("c.yaml", "x: 1\ninclude:\n  - nothere.yaml\n");
        var e = Assert.Single(Assert.Throws<SpecException>(() => SpecComposer.Compose(c, [])).Errors);
        Assert.Equal((c, 3, 5, "include[0]"), (e.File, e.Line, e.Column, e.Path));
        Assert.Contains("included file 'nothere.yaml' not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_substitute_inside_values_and_chain()
    {
        var root = YamlDocumentReader.ParseMapping("variables: {n: 64, t: '${n}0'}\nrows: ${n}\nlat: ${t}ns\nlit: $${n}\n", "v.yaml");
        var spec = SpecComposer.Compose(root, []);
        Assert.Equal(("64", "640ns", "${n}"), (Value(spec.Root, "rows"), Value(spec.Root, "lat"), Value(spec.Root, "lit")));
        Assert.Equal("640", spec.Variables["t"]);
        Assert.Null(spec.Root["variables"]);
    }

    [Fact]
    public void Unknown_variable_gets_a_suggestion_at_its_use()
    {
        var root = YamlDocumentReader.ParseMapping("variables: {xbar: 64}\na:\n  rows: ${xbr}\n", "v.yaml");
        var e = Assert.Single(Assert.Throws<SpecException>(() => SpecComposer.Compose(root, [])).Errors);
        Assert.Equal(("v.yaml", 3, "a.rows"), (e.File, e.Line, e.Path));
        Assert.Contains("unknown variable 'xbr' (did you mean 'xbar'?)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_overrides_variables_and_dotted_paths()
    {
        var root = YamlDocumentReader.ParseMapping("variables: {xbar: 64}\na:\n  rows: ${xbar}\n  cols: 3\n", "v.yaml");
        var spec = SpecComposer.Compose(root, ["xbar=128", "a.cols=7", "a.new={k: 1}"]);
        Assert.Equal(("128", "7", "1"), (Value(spec.Root, "a.rows"), Value(spec.Root, "a.cols"), Value(spec.Root, "a.new.k")));
        Assert.Equal(SpecOverride.FileName, spec.Root["a"] is SpecMapping a ? a["cols"]!.File : "");
    }

    [Theory]
    [InlineData("xbr=1", "did you mean variable 'xbar'?")]
    [InlineData("b.cols=1", "'b' does not exist (did you mean 'a'?)")]
    [InlineData("a.rows.x=1", "is '${xbar}', not a mapping")]
    [InlineData("novalue", "is not KEY=VALUE")]
    public void Bad_set_is_an_error_naming_the_key(string set, string expected)
    {
        var root = YamlDocumentReader.ParseMapping("variables: {xbar: 64}\na:\n  rows: ${xbar}\n", "v.yaml");
        var e = Assert.Single(Assert.Throws<SpecException>(() => SpecComposer.Compose(root, ["xbar=2", set])).Errors);
        Assert.Equal((SpecOverride.FileName, 2), (e.File, e.Line));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
