using HybridSim.Specs.Architecture;

namespace HybridSim.Specs.Tests.Architecture;

public sealed class ResolvedArchitectureWriterTests
{
    [Theory]
    [MemberData(nameof(ShippedArchitectureTests.Files), MemberType = typeof(ShippedArchitectureTests))]
    public void Resolved_yaml_round_trips_through_the_loader(string name)
    {
        using var dir = new TempDirectory();
        var spec = ArchitectureLoader.Load(RepositoryPaths.Arch(name));
        var text = ResolvedArchitectureWriter.Write(spec);
        var path = dir.File("resolved-arch.yaml", text);
        var again = ArchitectureLoader.Load(path);
        Assert.Equal(text.Split('\n').Skip(1), ResolvedArchitectureWriter.Write(again).Split('\n').Skip(1));
        Assert.Equal(spec.ClockHz, again.ClockHz);
        Assert.Equal(spec.AnalogTile!.Core.Mvmu.Component("xbar")!.Energy("access"), again.AnalogTile!.Core.Mvmu.Component("xbar")!.Energy("access"));
        Assert.Equal(spec.DefaultPartition, again.DefaultPartition);
        Assert.Equal(spec.Variables, again.Variables);
    }

    /// <summary>The writer is driven by the schema: every key of every section a shipped file uses is written under its schema name, in schema order.</summary>
    [Fact]
    public void Resolved_yaml_lists_the_schema_keys_in_schema_order()
    {
        var spec = ArchitectureLoader.Load(RepositoryPaths.Arch("hyperx-128-16b.yaml"));
        var lines = ResolvedArchitectureWriter.Write(spec).Split('\n');
        int Position(int indent, string key) => Array.FindIndex(lines, l => l.StartsWith(new string(' ', indent * 2) + key + ":", StringComparison.Ordinal));
        var tile = Array.FindIndex(lines, l => l == "  analog:");
        var keys = HybridSim.Specs.Architecture.Schema.TileFields.Section.Fields.Select(f => f.Field.Name).ToList();
        var positions = keys.Select(k => Array.FindIndex(lines, tile, l => l.StartsWith("    " + k + ":", StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.True(Position(0, "noc") > Position(0, "tiles"));
    }

    [Fact]
    public void Set_overrides_appear_in_the_resolved_yaml()
    {
        var spec = ArchitectureLoader.Load(RepositoryPaths.Arch("puma.yaml"), ["xbar=64", "adc_bits=7", "tiles.analog.count=4"]);
        var text = ResolvedArchitectureWriter.Write(spec);
        Assert.Contains("        rows: 64\n", text, StringComparison.Ordinal);
        Assert.Contains("        adc_bits: 7\n", text, StringComparison.Ordinal);
        Assert.Contains("    count: 4\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("${", text, StringComparison.Ordinal);
    }
}
