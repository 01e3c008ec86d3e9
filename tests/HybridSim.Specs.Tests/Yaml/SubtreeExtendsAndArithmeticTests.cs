using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Yaml;
using HybridSim.Tests;

namespace HybridSim.Specs.Tests.Yaml;

/// <summary>Architecture files without copies (issue 14, section 4): sub-tree extends, arithmetic in ${}, cycle units, version.</summary>
public sealed class SubtreeExtendsAndArithmeticTests
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

    private static SpecError Fails(string text)
    {
        using var dir = new TempDirectory();
        var file = dir.File("a.yaml", text);
        return Assert.Single(Assert.Throws<SpecException>(() => SpecComposer.Compose(file, [])).Errors);
    }

    private static SpecMapping Root(string text, params string[] overrides)
    {
        using var dir = new TempDirectory();
        return SpecComposer.Compose(dir.File("a.yaml", text), overrides).Root;
    }

    [Fact]
    public void A_mapping_extends_a_template_its_own_keys_win_and_templates_are_dropped()
    {
        var root = Root("templates:\n  t: {a: 1, b: {c: 2, d: 3}, e: 4}\nx:\n  extends: templates.t\n  b: {d: 30}\n  e: ~\n  f: 5\n");
        Assert.Equal(("1", "2", "30", "5"), (Value(root, "x.a"), Value(root, "x.b.c"), Value(root, "x.b.d"), Value(root, "x.f")));
        Assert.Null(((SpecMapping)root["x"]!)["e"]);
        Assert.Null(((SpecMapping)root["x"]!)["extends"]);
        Assert.Null(root["templates"]);
    }

    [Fact]
    public void Templates_may_extend_templates_and_a_set_changes_one_extending_mapping_only()
    {
        var root = Root("templates:\n  t: {a: 1}\n  u: {extends: templates.t, b: 2}\nx: {extends: templates.u}\ny: {extends: templates.u}\n", "x.a=7");
        Assert.Equal(("7", "2", "1", "2"), (Value(root, "x.a"), Value(root, "x.b"), Value(root, "y.a"), Value(root, "y.b")));
    }

    [Fact]
    public void A_missing_target_is_reported_at_the_extends_with_a_hint()
    {
        var e = Fails("templates:\n  tile: {a: 1}\nx:\n  extends: templates.tiles\n");
        Assert.Equal((4, 12, "x.extends"), (e.Line, e.Column, e.Path));
        Assert.Contains("extends 'templates.tiles': 'templates' has no 'tiles' (did you mean 'tile'?)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_of_extends_names_the_chain()
    {
        var e = Fails("templates:\n  a: {extends: templates.b}\n  b: {extends: templates.a}\n");
        Assert.Contains("circular extends: templates.a -> templates.b -> templates.a", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extending_an_ancestor_is_a_cycle()
    {
        var e = Fails("x:\n  y:\n    extends: x\n");
        Assert.Contains("circular extends: x -> x.y -> x", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extending_a_scalar_is_an_error()
    {
        var e = Fails("k: 1\nx: {extends: k}\n");
        Assert.Contains("'k' is ", e.Message, StringComparison.Ordinal);
        Assert.Contains("; expected a mapping to extend", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${w / b}", "8")]
    [InlineData("${w / b + 1}", "9")]
    [InlineData("${(w + b) * 2}", "36")]
    [InlineData("${-b * 3}", "-6")]
    [InlineData("${w / 3}ns", "5.3333333333333333333333333333ns")]
    [InlineData("${0.1 + 0.2}", "0.3")]
    [InlineData("${1e3 / w}", "62.5")]
    [InlineData("${ w }", "16")]
    public void Arithmetic_in_braces_is_exact_decimal(string text, string expected)
    {
        var root = Root($"variables: {{w: 16, b: 2}}\nx: '{text}'\n");
        Assert.Equal(expected, Value(root, "x"));
    }

    [Fact]
    public void A_derived_variable_follows_a_set_of_what_it_uses()
    {
        var root = Root("variables: {w: 16, b: 2, n: '${w / b}'}\nx: ${n}\n", "w=8");
        Assert.Equal("4", Value(root, "x"));
    }

    [Theory]
    [InlineData("${w / 0}", "division by zero in 'w / 0'")]
    [InlineData("${w / (b - 2)}", "division by zero")]
    [InlineData("${w +}", "'w +' ends where a number, a variable or '(' was expected")]
    [InlineData("${(w + b}", "missing ')' in '(w + b'")]
    [InlineData("${w % b}", "unexpected '%'")]
    [InlineData("${w * e}", "variable 'e' is '1.8pJ', not a plain number")]
    [InlineData("${w * bb}", "unknown variable 'bb' in 'w * bb' (did you mean 'b'?)")]
    public void A_bad_expression_names_the_field_and_what_is_wrong(string text, string message)
    {
        var e = Fails($"variables: {{w: 16, b: 2, e: 1.8pJ}}\nx: '{text}'\n");
        Assert.Equal((2, "x"), (e.Line, e.Path));
        Assert.Contains("bad expression", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var deep = new string('(', 100) + "1" + new string(')', 100);
        var e = Fails($"x: '${{{deep}}}'\n");
        Assert.Contains($"more than {VariableExpression.MaxNesting} deep", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_files_derive_the_bit_slices_and_share_one_tile_template()
    {
        var puma = ArchitectureLoader.Load(RepositoryPaths.Arch("hyperx-128-8b.yaml"));
        var analog = (AnalogMvmuSpec)puma.AnalogTile!.Core.Mvmu;
        Assert.Equal(4, analog.Component("xbar")!.Count);   // 8-bit weights / 2-bit cells
        Assert.Equal(puma.AnalogTile.SharedMemoryWords, puma.DigitalTile!.SharedMemoryWords);
        Assert.Equal(Figures(puma.AnalogTile.Core.Components), Figures(puma.DigitalTile.Core.Components));
        Assert.Equal(Figures(puma.AnalogTile.Components), Figures(puma.DigitalTile.Components));
        Assert.False(puma.DigitalTile.Core.MvmusConcurrent);
        Assert.True(puma.AnalogTile.Core.MvmusConcurrent);
    }

    private static string[] Figures(IEnumerable<ComponentSpec> components) =>
        [.. components.Select(c => FormattableString.Invariant($"{c.Name} {c.Count} {c.LatencySeconds} {c.LeakageWatts} {c.AreaSquareMeters} {string.Join(",", c.EnergyJoules)}"))];

    [Fact]
    public void Cycle_fields_take_the_cycles_unit_and_bare_counts()
    {
        var arch = RepositoryPaths.Arch("puma.yaml");
        Assert.Equal(3, ArchitectureLoader.Load(arch, ["tiles.analog.shared_memory_latency=3cycles"]).AnalogTile!.SharedMemoryLatencyCycles);
        Assert.Equal(1, ArchitectureLoader.Load(arch, ["tiles.analog.shared_memory_latency=1 cycle"]).AnalogTile!.SharedMemoryLatencyCycles);
        Assert.Equal(5, ArchitectureLoader.Load(arch, ["tiles.analog.shared_memory_latency=5"]).AnalogTile!.SharedMemoryLatencyCycles);
        var e = Assert.Single(Assert.Throws<SpecException>(() => ArchitectureLoader.Load(arch, ["tiles.analog.shared_memory_latency=2ns"])).Errors);
        Assert.Equal("tiles.analog.shared_memory_latency", e.Path);
        Assert.Contains("cycles (e.g. 2cycles)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_file_version_is_refused()
    {
        var e = Assert.Single(Assert.Throws<SpecException>(() => ArchitectureLoader.Load(RepositoryPaths.Arch("puma.yaml"), ["version=2"])).Errors);
        Assert.Equal("version", e.Path);
        Assert.Contains("version 1", e.Message, StringComparison.Ordinal);
    }
}
