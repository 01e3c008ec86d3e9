using HybridSim.Compiler.Mapping;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Tests;

public sealed class SramMacroPackerTests
{
    [Fact]
    public void Rank_4_a_blocks_sit_side_by_side_sixteen_to_a_64_by_64_macro()
    {
        var packer = new SramMacroPacker(64, 64, 16);

        var positions = Enumerable.Range(0, 17).Select(_ => packer.TryPlace(64, 4)!.Value).ToList();

        Assert.Equal(Enumerable.Range(0, 16).Select(k => new MacroPosition(0, 0, 4 * k)), positions.Take(16));
        Assert.Equal(new MacroPosition(1, 0, 0), positions[16]);
        Assert.Equal((2, 17L * 64 * 4), (packer.Macros, packer.WeightsHeld));
    }

    [Fact]
    public void Rank_4_b_blocks_sit_on_shelves_of_4_rows_sixteen_to_a_macro()
    {
        var packer = new SramMacroPacker(64, 64, 16);

        var positions = Enumerable.Range(0, 16).Select(_ => packer.TryPlace(4, 64)!.Value).ToList();

        Assert.Equal(Enumerable.Range(0, 16).Select(k => new MacroPosition(0, 4 * k, 0)), positions);
        Assert.Equal(1, packer.Macros);
    }

    [Fact]
    public void A_shorter_block_goes_beside_a_taller_shelf_and_a_narrow_one_fills_a_row_of_shelves()
    {
        var packer = new SramMacroPacker(64, 64, 16);
        packer.TryPlace(64, 4);

        Assert.Equal(new MacroPosition(0, 0, 4), packer.TryPlace(27, 4));
        // A 10 x 40 block still fits beside them (8 of 64 columns used).
        Assert.Equal(new MacroPosition(0, 0, 8), packer.TryPlace(10, 40));
        // 48 used: a 17-wide block no longer fits the shelf, and the 64-row shelf leaves no room below: new macro.
        Assert.Equal(new MacroPosition(1, 0, 0), packer.TryPlace(4, 17));
        Assert.Equal(2, packer.Macros);
    }

    [Fact]
    public void A_block_that_needs_one_macro_more_than_allowed_is_refused_and_not_placed()
    {
        var packer = new SramMacroPacker(64, 64, 1);
        packer.TryPlace(64, 60);

        Assert.Null(packer.TryPlace(64, 5));
        Assert.Equal((1, 64L * 60), (packer.Macros, packer.WeightsHeld));
        Assert.NotNull(packer.TryPlace(64, 4));
    }

    [Fact]
    public void A_block_larger_than_the_macro_is_a_bug_of_the_caller()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SramMacroPacker(64, 64, 4).TryPlace(65, 1));
    }

    [Fact]
    public void The_compiler_packs_resnet18_branches_into_the_macros_of_lobranch_3d()
    {
        var arch = ArchitectureLoader.Load(RepositoryPaths.Arch("lobranch-3d.yaml"));
        var workload = WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", "resnet18-cifar.yaml"));

        var program = ProgramCompiler.Compile(arch, workload, PartitionSpec.Rank(4));

        // layer4.1.conv2.A: 4608 inputs x 4 = 72 blocks of 64 x 4; 64 MVMU slots on the first core fill 64 / 16 = 4
        // macros, the 8 left on a second core 1 macro. Its B: 4 x 512 = 8 blocks of 4 x 64 on 8 shelves of one macro.
        var a = program.Mappings.Single(m => m.Name == "layer4.1.conv2.A");
        var b = program.Mappings.Single(m => m.Name == "layer4.1.conv2.B");
        Assert.Equal((72, 5), (a.Mvmus, a.SramMacros));
        Assert.Equal((8, 1), (b.Mvmus, b.SramMacros));
        Assert.Equal(program.Mappings.Where(m => m.Placement == TileKind.Digital).Sum(m => m.SramMacros), program.SramMacros);
        Assert.Empty(Verification.ProgramVerifier.Verify(program));
    }

    [Fact]
    public void Rank_16_on_resnet18_cifar_gives_the_fc_its_full_rank_10()
    {
        var arch = ArchitectureLoader.Load(RepositoryPaths.Arch("lobranch-3d.yaml"));
        var workload = WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", "resnet18-cifar.yaml"));

        var program = ProgramCompiler.Compile(arch, workload, PartitionSpec.Rank(16));

        Assert.Equal("fc", Assert.Single(program.ClampedLayers));
        Assert.Equal(10, program.Mappings.Single(m => m.Name == "fc.A").Cols);
        Assert.Equal(16, program.Mappings.Single(m => m.Name == "layer4.1.conv2.A").Cols);
    }
}
