using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Tests;

public sealed class ProgramCompilerTests
{
    private static WorkloadSpec Workload(string name) => WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", name + ".yaml"));

    [Fact]
    public void Rank_4_gives_each_layer_an_a_and_b_branch_on_sram()
    {
        var program = ProgramCompiler.Compile(ArchitectureLoader.Load(RepositoryPaths.Arch("lobranch-3d.yaml")), Workload("resnet20-cifar"), PartitionSpec.Rank(4));

        var conv1 = program.Mappings.Where(m => m.LayerIndex == 0).ToList();
        Assert.Equal(["conv1", "conv1.A", "conv1.B"], conv1.Select(m => m.Name));
        Assert.Equal((27, 16, TileKind.Analog), (conv1[0].Rows, conv1[0].Cols, conv1[0].Placement));
        Assert.Equal((27, 4, TileKind.Digital), (conv1[1].Rows, conv1[1].Cols, conv1[1].Placement));
        Assert.Equal((4, 16, TileKind.Digital), (conv1[2].Rows, conv1[2].Cols, conv1[2].Placement));

        // SRAM fraction of conv1: (27*4 + 4*16) / (27*16 + 27*4 + 4*16) = 172 / 604.
        var sram = conv1.Where(m => m.Placement == TileKind.Digital).Sum(m => m.Rows * m.Cols);
        var all = conv1.Sum(m => m.Rows * m.Cols);
        Assert.Equal(172.0 / 604, (double)sram / all, 12);
    }

    [Fact]
    public void A_rank_given_in_the_workload_overrides_the_partition_rank_for_that_layer()
    {
        const string yaml = """
            name: ranked
            input: [4, 6, 6]
            layers:
              - {name: conv, kind: conv, out_channels: 8, kernel: 3, padding: 1, rank: 1}
              - {name: flatten, kind: flatten}
              - {name: fc, kind: fc, out_features: 5}
            """;
        var workload = WorkloadLoader.Parse(yaml, "ranked.yaml");

        var program = ProgramCompiler.Compile(ArchitectureLoader.Load(RepositoryPaths.Arch("lobranch-3d.yaml")), workload, PartitionSpec.Rank(3));

        Assert.Equal(1, program.Mappings.Single(m => m.Name == "conv.A").Cols);
        Assert.Equal(3, program.Mappings.Single(m => m.Name == "fc.A").Cols);
        Assert.Empty(Verification.ProgramVerifier.Verify(program));
    }

    [Fact]
    public void Mvms_are_mvmus_times_output_pixels()
    {
        var program = ProgramCompiler.Compile(ArchitectureLoader.Load(RepositoryPaths.Arch("puma.yaml")), Workload("resnet20-cifar"), PartitionSpec.Freeze(20));

        // conv1: 27 rows x 16 cols in one 128x128 MVMU, 32x32 output pixels.
        var conv1 = program.Mappings[0];
        Assert.Equal((1, 1024L), (conv1.Mvmus, conv1.Mvms));
        var mvmInstructions = program.Tiles.SelectMany(t => t.Cores).SelectMany(c => c.Instructions).OfType<Isa.MvmInstruction>().Count(i => i.Layer == 0);
        Assert.Equal(1024, mvmInstructions);
    }

    [Fact]
    public void A_fixed_tile_count_that_is_too_small_says_how_many_tiles_are_needed()
    {
        var arch = ArchitectureLoader.Load(RepositoryPaths.Arch("puma.yaml"), ["analog_tiles=2"]);

        var e = Assert.Throws<SpecException>(() => ProgramCompiler.Compile(arch, Workload("resnet20-cifar"), PartitionSpec.Freeze(20)));

        Assert.Contains("tiles.analog.count", e.Message, StringComparison.Ordinal);
        Assert.Matches("needs [0-9]+ analog tiles", e.Message);
    }

    [Fact]
    public void Compiling_twice_gives_identical_programs()
    {
        var arch = ArchitectureLoader.Load(RepositoryPaths.Arch("hyperx-128-16b.yaml"));
        var a = ProgramCompiler.Compile(arch, Workload("resnet20-cifar"), PartitionSpec.Freeze(13));
        var b = ProgramCompiler.Compile(arch, Workload("resnet20-cifar"), PartitionSpec.Freeze(13));

        Assert.Equal(a.Tiles.Length, b.Tiles.Length);
        for (var t = 0; t < a.Tiles.Length; t++)
        {
            Assert.Equal(a.Tiles[t].Instructions.ToArray(), b.Tiles[t].Instructions.ToArray());
            for (var c = 0; c < a.Tiles[t].Cores.Length; c++)
            {
                Assert.Equal(a.Tiles[t].Cores[c].Instructions.ToArray(), b.Tiles[t].Cores[c].Instructions.ToArray());
            }
        }
    }
}
