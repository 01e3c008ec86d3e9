using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;

namespace HybridSim.Sweeps.Tests;

public sealed class SweepDefinitionTests
{
    private static readonly SweepBackend Backend = new FakeSimulator().Backend();

    [Fact]
    public void Freeze_zero_to_three_gives_four_points_and_freeze_zero_is_its_own_baseline()
    {
        var plan = SweepDefinition.Freeze(["a.yaml"], "resnet20-cifar", [], 0, 3).Expand(Backend);

        Assert.Equal([0, 1, 2, 3], plan.Points.Select(p => p.Partition!.Value));
        Assert.All(plan.Points, p => Assert.True(p.InTable));
        Assert.All(plan.Points, p => Assert.Equal(plan.Points[0].Key, p.BaselineKey));
        Assert.Equal(["freeze=0", "freeze=1", "freeze=2", "freeze=3"], plan.Points.Select(p => p.Swept.Single().ToString()));
    }

    [Fact]
    public void A_range_that_excludes_zero_still_runs_the_baseline_outside_the_table()
    {
        var plan = SweepDefinition.Freeze(["a.yaml"], "w", [], 5, 7).Expand(Backend);

        Assert.Equal(4, plan.Points.Length);
        var baseline = plan.Points[^1];
        Assert.Equal(PartitionSpec.Freeze(0), baseline.Partition);
        Assert.False(baseline.InTable);
        Assert.Equal([5, 6, 7], plan.TableRows.Select(p => p.Partition!.Value));
        Assert.All(plan.TableRows, p => Assert.Equal(baseline.Key, p.BaselineKey));
    }

    [Fact]
    public void Several_architectures_each_get_their_own_baseline_in_command_line_order()
    {
        var plan = SweepDefinition.Freeze(["b.yaml", "a.yaml"], "w", [], 1, 2).Expand(Backend);

        Assert.Equal(["b.yaml", "b.yaml", "b.yaml", "a.yaml", "a.yaml", "a.yaml"], plan.Points.Select(p => p.ArchitecturePath));
        var baselines = plan.Points.Where(p => !p.InTable).ToList();
        Assert.Equal(2, baselines.Count);
        Assert.NotEqual(baselines[0].Key, baselines[1].Key);
        Assert.All(plan.Points.Where(p => p.ArchitecturePath == "a.yaml"), p => Assert.Equal(baselines[1].Key, p.BaselineKey));
    }

    [Fact]
    public void Set_overrides_go_to_every_point_and_the_baseline()
    {
        var plan = SweepDefinition.Freeze(["a.yaml"], "w", ["adc_bits=7", "scale=2"], 3, 3).Expand(Backend);

        Assert.All(plan.Points, p => Assert.Equal(["adc_bits=7", "scale=2"], p.Overrides.AsEnumerable()));
    }

    [Fact]
    public void Rank_sweep_adds_the_all_sram_baseline_and_the_rank_zero_reference()
    {
        var plan = SweepDefinition.Rank(["l.yaml"], "w", [], [1, 4]).Expand(Backend);

        Assert.Equal(["rank-1", "rank-4", "freeze-0", "rank-0"], plan.Points.Select(p => p.Partition!.ToString()));
        Assert.Equal([true, true, false, false], plan.Points.Select(p => p.InTable));
        Assert.All(plan.Points, p => Assert.Equal(plan.Points[3].Key, p.ReferenceKey));
        Assert.All(plan.Points, p => Assert.Equal(plan.Points[2].Key, p.BaselineKey));
    }

    [Fact]
    public void A_listed_rank_zero_is_both_a_row_and_the_reference()
    {
        var plan = SweepDefinition.Rank(["l.yaml"], "w", [], [0, 2]).Expand(Backend);

        Assert.Equal(["rank-0", "rank-2", "freeze-0"], plan.Points.Select(p => p.Partition!.ToString()));
        Assert.True(plan.Points[0].InTable);
        Assert.Equal(plan.Points[0].Key, plan.Points[1].ReferenceKey);
    }

    [Fact]
    public void Grid_is_the_cartesian_product_with_the_first_key_outermost()
    {
        var plan = SweepDefinition.Grid(["a.yaml"], "w", ["k=1"], [SweepVariable.Parse("xbar=64,128"), SweepVariable.Parse("adc=6,7,8")], null).Expand(Backend);

        var rows = plan.TableRows.Select(p => string.Join(" ", p.Swept)).ToList();
        Assert.Equal(["xbar=64 adc=6", "xbar=64 adc=7", "xbar=64 adc=8", "xbar=128 adc=6", "xbar=128 adc=7", "xbar=128 adc=8"], rows);
        Assert.Equal(["k=1", "xbar=128", "adc=7"], plan.TableRows.ElementAt(4).Overrides.AsEnumerable());
        Assert.All(plan.TableRows, p => Assert.Null(p.Partition));
    }

    [Fact]
    public void Grid_baselines_carry_the_same_vary_values_as_their_points()
    {
        var plan = SweepDefinition.Grid(["a.yaml"], "w", [], [SweepVariable.Parse("xbar=64,128")], PartitionSpec.Freeze(4)).Expand(Backend);

        Assert.Equal(4, plan.Points.Length);
        foreach (var row in plan.TableRows)
        {
            var baseline = plan.Find(row.BaselineKey)!;
            Assert.Equal(PartitionSpec.Freeze(0), baseline.Partition);
            Assert.Equal(row.Overrides.AsEnumerable(), baseline.Overrides.AsEnumerable());
            Assert.False(baseline.InTable);
        }
    }

    [Fact]
    public void Grid_may_vary_the_partition_as_a_key()
    {
        var plan = SweepDefinition.Grid(["a.yaml"], "w", [], [SweepVariable.Parse("scale=1,2"), SweepVariable.Parse("freeze=0,10")], null).Expand(Backend);

        Assert.Equal(["freeze-0", "freeze-10", "freeze-0", "freeze-10"], plan.Points.Select(p => p.Partition!.ToString()));
        Assert.All(plan.Points, p => Assert.True(p.InTable));
        Assert.All(plan.Points, p => Assert.DoesNotContain(p.Overrides, o => o.StartsWith("freeze", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("xbar")]
    [InlineData("=1,2")]
    [InlineData("xbar=64,,128")]
    [InlineData("xbar=64,64")]
    public void Malformed_vary_is_a_usage_error(string text)
    {
        Assert.Throws<SpecException>(() => SweepVariable.Parse(text));
    }

    [Fact]
    public void Invalid_ranges_and_ranks_are_refused()
    {
        Assert.Throws<SpecException>(() => SweepDefinition.Freeze(["a"], "w", [], 5, 2));
        Assert.Throws<SpecException>(() => SweepDefinition.Rank(["a"], "w", [], [1, 1]));
        Assert.Throws<SpecException>(() => SweepDefinition.Rank(["a"], "w", [], [-1]));
        Assert.Throws<SpecException>(() => SweepDefinition.Grid(["a"], "w", [], [SweepVariable.Parse("freeze=1"), SweepVariable.Parse("rank=2")], null));
        Assert.Throws<SpecException>(() => SweepDefinition.Freeze(["a.yaml", "./a.yaml"], "w", [], 0, 1).Expand(Backend));
    }

    [Fact]
    public void Shards_cover_every_point_exactly_once()
    {
        var plan = SweepDefinition.Grid(["a.yaml", "b.yaml"], "w", [], [SweepVariable.Parse("scale=1,2,3"), SweepVariable.Parse("freeze=0,3,7,20")], null).Expand(Backend);

        for (var n = 1; n <= 7; n++)
        {
            var seen = Enumerable.Range(0, n).SelectMany(i => plan.Shard(new ShardSpec(i, n))).Select(p => p.Key).ToList();
            Assert.Equal(plan.Points.Length, seen.Count);
            Assert.Equal(plan.Points.Select(p => p.Key).Order(), seen.Order());
        }
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("1/0")]
    [InlineData("a/2")]
    [InlineData("1")]
    [InlineData("-1/2")]
    public void Bad_shard_specs_are_usage_errors(string text)
    {
        Assert.Throws<SpecException>(() => ShardSpec.Parse(text));
    }

    [Fact]
    public void Shard_spec_is_zero_based_index_over_count()
    {
        Assert.Equal(new ShardSpec(3, 4), ShardSpec.Parse("3/4"));
    }
}
