using HybridSim.Specs.Architecture;
using HybridSim.Pipeline;

namespace HybridSim.Pipeline.Tests;

public sealed class FunctionalPointTests
{
    [Fact]
    public void The_functional_network_gets_the_clamped_branch_ranks_of_the_partition_plan()
    {
        var root = RepositoryPaths.Root;
        var arch = ArchitectureLoader.Load(Path.Combine(root, "arch", "lobranch-3d.yaml"));

        // cnn-digits: conv1 is 9 inputs x 16 outputs (min 9), conv2 144 x 32, fc 512 x 10 (min 10): rank 12 clamps two.
        var point = FunctionalPoint.Load(arch, Path.Combine(root, "workloads", "cnn-digits.yaml"), PartitionSpec.Rank(12), Path.Combine(root, "weights", "cnn-digits.npz"), null);

        Assert.Equal((9, 12, 10), (point.Network.BranchRanks["conv1"], point.Network.BranchRanks["conv2"], point.Network.BranchRanks["fc"]));
        Assert.Equal(
            ["conv1", "fc"],
            HybridSim.Compiler.Partitioning.PartitionPlanner.ClampedLayers(point.Workload, point.Plan).ToArray());
    }
}
