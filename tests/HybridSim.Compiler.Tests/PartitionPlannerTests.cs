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
    public void Rank_above_min_in_out_is_an_error_naming_the_layer()
    {
        // conv1 is 3x3x3 = 27 inputs x 16 outputs: rank at most 16.
        var e = Assert.Throws<SpecException>(() => PartitionPlanner.Plan(Hyperx, Resnet20, PartitionSpec.Rank(17)));

        Assert.Contains("conv1", e.Message, StringComparison.Ordinal);
        Assert.Contains("min(27, 16) = 16", e.Message, StringComparison.Ordinal);
    }
}
