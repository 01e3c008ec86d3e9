using HybridSim.Activity;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using static HybridSim.Hardware.Tests.TestMachines;

namespace HybridSim.Hardware.Tests;

public sealed class PowerTests
{
    [Fact]
    public void Cores_stop_being_powered_when_they_halt_and_tiles_when_they_halt()
    {
        var arch = Architecture(mvmus: 2);
        var result = HardwareSimulator.Run(Program(arch, 1, TileProgram(0, TileKind.Analog, [new TileHaltInstruction()],
            [[new MvmInstruction(1, 0), new HaltInstruction()], [new HaltInstruction()]])));

        // Core 0 halts at 2 + 1800 + 1 = 1803 cycles, core 1 at 2 + 1 = 3; the tile with its last core.
        Assert.Equal((1803 + 3) * 1000L, result.Ledger.PoweredTime(ActivityScope.Core, TileKind.Analog));
        Assert.Equal((1803 + 3) * 2 * 1000L, result.Ledger.PoweredTime(ActivityScope.Mvmu, TileKind.Analog));
        Assert.Equal(1803 * 1000L, result.Ledger.PoweredTime(ActivityScope.Tile, TileKind.Analog));
    }

    [Fact]
    public void A_full_receive_fifo_holds_the_sender_back_until_the_receiver_takes_a_packet()
    {
        // Depth 2: tile 0 sends 4 packets; tile 1 first waits for a core store that comes late, then receives.
        var arch = Architecture();
        var dataBase = 2 * 256;
        var result = HardwareSimulator.Run(Program(
            arch,
            2,
            TileProgram(0, TileKind.Analog, [new SendInstruction(0, 1, 0, 16, 4, 0), new TileHaltInstruction()], [], [new MemoryRange(0, 64, 1)]),
            TileProgram(1, TileKind.Analog,
                [new ReceiveInstruction(500, -1, 1, 16, 1, 0), new ReceiveInstruction(0, 0, 1, 16, 4, 0), new TileHaltInstruction()],
                [[new MvmInstruction(1, 0), new LoadInstruction(dataBase, 500, 16, 1, 0), new HaltInstruction()]])));

        Assert.Equal(2, result.Statistics["max_receive_fifo_occupancy"]);
        Assert.True(result.Cycles > 1800);
    }

    [Fact]
    public void Stacked_crossbars_add_layer_select_time_and_energy()
    {
        var select = C("layer_select", 1, 0.5, latencyNs: 1);
        var flat = Architecture();
        var mvmu = PumaMvmu(stackLayers: 4) with { Components = [.. PumaMvmu().Components, select] };
        var stacked = flat with { AnalogTile = Tile(TileKind.Analog, Core(mvmu, 2, true)) };
        CoreInstruction[] code = [new MvmInstruction(1, 0), new HaltInstruction()];

        var a = HardwareSimulator.Run(Program(flat, 1, TileProgram(0, TileKind.Analog, [new TileHaltInstruction()], [code])));
        var b = HardwareSimulator.Run(Program(stacked, 1, TileProgram(0, TileKind.Analog, [new TileHaltInstruction()], [code])));

        Assert.Equal(a.Cycles + 16, b.Cycles); // one 1-ns select per input step
        Assert.Equal(128, b.Ledger.Total(new ActivityKey(ActivityScope.Mvmu, TileKind.Analog, "layer_select", "access")));
    }
}
