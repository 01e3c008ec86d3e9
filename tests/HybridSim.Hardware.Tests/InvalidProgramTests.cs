using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using static HybridSim.Hardware.Tests.TestMachines;

namespace HybridSim.Hardware.Tests;

public sealed class InvalidProgramTests
{
    [Fact]
    public void An_mvm_mask_naming_a_missing_mvmu_fails_with_the_tile_core_and_instruction()
    {
        var arch = Architecture(mvmus: 2);
        var program = Program(arch, 1, TileProgram(0, TileKind.Analog, [new TileHaltInstruction()], [[new MvmInstruction(0b100, 0), new HaltInstruction()]]));

        var e = Assert.ThrowsAny<Exception>(() => HardwareSimulator.Run(program));

        var message = e.ToString();
        Assert.Contains("tile 0 core 0 instruction 0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_load_outside_the_words_in_use_is_impossible_by_construction()
    {
        var arch = Architecture();
        var program = Program(arch, 1, TileProgram(0, TileKind.Analog, [new TileHaltInstruction()],
            [[new StoreInstruction(1000, 512, 1, 16, 1, 0), new LoadInstruction(512, 1000, 16, 1, 0), new HaltInstruction()]]));

        var result = HardwareSimulator.Run(program);

        Assert.Equal(1016, result.Statistics["max_shared_memory_words_used"]);
    }
}
