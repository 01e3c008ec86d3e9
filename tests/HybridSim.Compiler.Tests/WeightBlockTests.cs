using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Tests;

public sealed class WeightBlockTests
{
    private static WorkloadSpec Workload(string name) => WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", name + ".yaml"));

    [Fact]
    public void Weight_blocks_hold_every_weight_of_every_mapping_once_on_mvmus_that_exist()
    {
        var arch = ArchitectureLoader.Load(RepositoryPaths.Arch("lobranch-3d.yaml"));
        var program = ProgramCompiler.Compile(arch, Workload("cnn-digits"), PartitionSpec.Rank(4));

        foreach (var mapping in program.Mappings)
        {
            var blocks = program.WeightBlocks.Where(b => b.Matrix == mapping.Name).ToList();
            Assert.Equal((long)mapping.Rows * mapping.Cols, blocks.Sum(b => b.Weights));
            Assert.Equal(mapping.Mvmus, blocks.Count);
            Assert.All(blocks, b => Assert.Equal(mapping.Placement, b.Placement));
        }

        Assert.All(program.WeightBlocks, b =>
        {
            var tile = program.Tiles[b.Tile];
            var mvmu = arch.Tile(tile.Kind).Core.Mvmu;
            Assert.Equal(b.Placement, tile.Kind);
            Assert.InRange(b.Core, 0, arch.Tile(tile.Kind).Cores - 1);
            Assert.InRange(b.Mvmu, 0, arch.Tile(tile.Kind).Core.Mvmus - 1);
            Assert.InRange(b.Rows, 1, mvmu.Rows);
            Assert.InRange(b.Cols, 1, mvmu.Cols);
        });
    }
}
