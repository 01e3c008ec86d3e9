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
        // Small matrices share cores, so a macro can hold blocks of several matrices: each counts it, the program once.
        Assert.True(program.Mappings.Where(m => m.Placement == TileKind.Digital).Sum(m => m.SramMacros) >= program.SramMacros);
        Assert.Equal(program.SramMacros, program.Tiles.SelectMany(t => t.Cores).Sum(c => c.SramBlocks.Select(k => k.Macro + 1).DefaultIfEmpty(0).Max()));
        Assert.Empty(Verification.ProgramVerifier.Verify(program));
    }

    [Fact]
    public void The_branches_of_the_digits_cnn_share_one_core_and_two_macros()
    {
        var arch = ArchitectureLoader.Load(RepositoryPaths.Arch("lobranch-3d.yaml"));
        var workload = WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", "cnn-digits.yaml"));

        var program = ProgramCompiler.Compile(arch, workload, PartitionSpec.Rank(4));

        // conv1.A 9 x 4, conv1.B 4 x 16, conv2.A 144 x 4 (64, 64 and 16 rows), conv2.B 4 x 32, fc.A 512 x 4 (8 blocks of
        // 64 rows), fc.B 4 x 10: 15 blocks, 15 of the core's 64 slots. First fit: conv1.A opens a 9-row shelf in macro 0,
        // conv1.B, conv2.B and fc.B go beside it (4 + 16 + 32 + 10 = 62 columns); the 64-row A blocks do not fit the 55
        // rows left, so they open macro 1 and sit side by side (11 blocks x 4 = 44 columns), the 16-row one with them.
        var core = Assert.Single(program.Tiles.Where(t => t.Kind == TileKind.Digital).SelectMany(t => t.Cores), c => c.SramBlocks.Length > 0);
        Assert.Equal(1, program.TileCount(TileKind.Digital));
        Assert.Equal(15, core.SramBlocks.Length);
        Assert.Equal(2, core.SramMacros);
        Assert.Equal(2, program.SramMacros);
        Assert.Equal([4, 16, 4, 4, 4, 32, 4, 4, 4, 4, 4, 4, 4, 4, 10], core.SramBlocks.Select(b => b.Cols));
        Assert.Equal(62, core.SramBlocks.Where(b => b.Macro == 0).Sum(b => b.Cols));
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
