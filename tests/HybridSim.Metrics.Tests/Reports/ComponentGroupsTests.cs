using HybridSim.Activity;
using HybridSim.Metrics.Energy;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Architecture;
using HybridSim.Tests;

namespace HybridSim.Metrics.Tests.Reports;

public sealed class ComponentGroupsTests
{
    public static TheoryData<string> ShippedArchitectures()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "arch"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedArchitectures))]
    public void Every_component_of_a_shipped_architecture_has_a_group(string file)
    {
        var architecture = ArchitectureLoader.Load(RepositoryPaths.Arch(file));
        var names = new List<string>();
        foreach (var scope in Enum.GetValues<ActivityScope>())
        {
            foreach (var kind in Enum.GetValues<TileKind>())
            {
                names.AddRange(EnergyModel.Components(architecture, scope, kind).Select(c => new ActivityKey(scope, kind, c.Name, "").ReportName));
            }
        }

        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.True(ComponentGroups.IndexOf(n) < ComponentGroups.All.Length, $"{file}: {n} is in no group of ComponentGroups.All"));
    }

    [Fact]
    public void The_groups_are_those_of_the_issue_in_drawing_order()
    {
        Assert.Equal(0, ComponentGroups.IndexOf("analog.xbar"));
        Assert.Equal(0, ComponentGroups.IndexOf("analog.adc"));
        Assert.Equal(0, ComponentGroups.IndexOf("analog.dac"));
        Assert.Equal(0, ComponentGroups.IndexOf("analog.snh"));
        Assert.Equal(0, ComponentGroups.IndexOf("analog.sna"));
        Assert.Equal(1, ComponentGroups.IndexOf("digital.mvmu"));
        Assert.Equal(ComponentGroups.IndexOf("analog.edram"), ComponentGroups.IndexOf("digital.edram"));
        Assert.Equal(ComponentGroups.IndexOf("analog.register_file"), ComponentGroups.IndexOf("digital.input_buffer"));
        Assert.Equal(ComponentGroups.IndexOf("analog.control"), ComponentGroups.IndexOf("digital.tile_control"));
        Assert.Equal(ComponentGroups.IndexOf("noc.router"), ComponentGroups.IndexOf("node.hypertransport"));
        Assert.Equal(ComponentGroups.All.Length, ComponentGroups.All.Select(g => g.Label).Distinct().Count());
    }

    [Fact]
    public void An_unlisted_component_is_other_not_dropped()
    {
        Assert.Equal(ComponentGroups.All.Length, ComponentGroups.IndexOf("analog.flux_capacitor"));
        Assert.Same(ComponentGroups.Other, ComponentGroups.Of("analog.flux_capacitor"));
    }

    [Fact]
    public void Groups_with_other_fit_eight_colours_and_no_component_is_in_two()
    {
        Assert.True(ComponentGroups.All.Length + 1 <= 8);
        var names = ComponentGroups.All.SelectMany(g => g.Components).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }
}
