using HybridSim.Compiler.Partitioning;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Tests;

public sealed class PartitionPlannerTests
{
    private static readonly ArchitectureSpec Hyperx = ArchitectureLoader.Load(RepositoryPaths.Arch("hyperx-128-16b.yaml"));
    private static readonly WorkloadSpec Resnet20 = WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", "resnet20-cifar.yaml"));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 7)]
    [InlineData(20, 20)]
    public void Freeze_x_puts_the_first_x_weight_layers_on_rram(int x, int analog)
    {
        var plan = PartitionPlanner.Plan(Hyperx, Resnet20, PartitionSpec.Freeze(x));

        var weights = Resnet20.Layers.Select((l, i) => (l, p: plan[i])).Where(t => t.l.HasWeights).ToList();
        Assert.Equal(20, weights.Count);
        Assert.Equal(analog, weights.Count(t => t.p!.Placement == TileKind.Analog));
        Assert.All(weights, t => Assert.Equal(t.l.WeightLayerIndex <= x ? TileKind.Analog : TileKind.Digital, t.p!.Placement));
    }

    [Fact]
    public void Freeze_beyond_the_weight_layers_is_an_error_naming_the_option()
    {
        var e = Assert.Throws<SpecException>(() => PartitionPlanner.Plan(Hyperx, Resnet20, PartitionSpec.Freeze(21)));

        Assert.Contains("--freeze", e.Message, StringComparison.Ordinal);
        Assert.Contains("0 to 20", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_keeps_every_layer_on_rram_with_a_branch()
    {
        var plan = PartitionPlanner.Plan(Hyperx, Resnet20, PartitionSpec.Rank(4));

        Assert.All(plan.Where(p => p is not null), p => Assert.Equal(new LayerPartition(TileKind.Analog, 4), p));
    }

    [Fact]
    public void Rank_above_min_in_out_gives_that_layer_its_full_rank_branch_and_lists_it()
    {
        // ResNet-20's convolutions have 16 to 64 outputs (min(in, out) >= 16); its fc is 64 x 10: min(64, 10) = 10.
        var plan = PartitionPlanner.Plan(Hyperx, Resnet20, PartitionSpec.Rank(11));

        var fc = Resnet20.Layers.IndexOf(Resnet20.Layer("fc"));
        Assert.Equal(new LayerPartition(TileKind.Analog, 10) { RankClamped = true }, plan[fc]);
        Assert.All(plan.Where((p, i) => p is not null && i != fc), p => Assert.Equal(new LayerPartition(TileKind.Analog, 11), p));
        Assert.Equal("fc", Assert.Single(PartitionPlanner.ClampedLayers(Resnet20, plan)));
    }

    [Fact]
    public void A_rank_within_every_layer_clamps_none()
    {
        var plan = PartitionPlanner.Plan(Hyperx, Resnet20, PartitionSpec.Rank(10));

        Assert.Empty(PartitionPlanner.ClampedLayers(Resnet20, plan));
    }

    [Fact]
    public void A_layer_rank_in_the_workload_above_its_min_in_out_is_an_error_at_that_layer()
    {
        const string yaml = """
            name: ranked
            input: [4, 6, 6]
            layers:
              - {name: conv, kind: conv, out_channels: 8, kernel: 3, padding: 1, rank: 9}
              - {name: flatten, kind: flatten}
              - {name: fc, kind: fc, out_features: 5}
            """;
        var workload = WorkloadLoader.Parse(yaml, "ranked.yaml");

        var e = Assert.Throws<SpecException>(() => PartitionPlanner.Plan(Hyperx, workload, PartitionSpec.Rank(2)));

        var error = Assert.Single(e.Errors);
        Assert.Equal(("ranked.yaml", 4, "layers.conv.rank"), (error.File, error.Line, error.Path));
        Assert.Contains("min(36, 8) = 8", error.Message, StringComparison.Ordinal);
    }
}
