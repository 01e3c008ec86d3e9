using HybridSim.Isa;
using HybridSim.Metrics.Energy;
using HybridSim.Specs.Architecture;
using static HybridSim.Hardware.Tests.TestMachines;

namespace HybridSim.Hardware.Tests;

public sealed class MlpTests
{
    /// <summary>
    /// A two-layer 128→128→128 MLP, programmed by hand as the compiler would: tile 0 holds the input and sends it;
    /// tile 1 runs fc1 + ReLU and sends its output on; tile 2 runs fc2. Mesh 3 × 1, one hop per transfer.
    /// </summary>
    private static CompiledProgram Mlp(ArchitectureSpec arch)
    {
        const int InBuf = 0, OutBuf = 256, Data = 512;
        return Program(
            arch,
            3,
            TileProgram(0, TileKind.Analog, [new SendInstruction(0, 1, 0, 16, 8, 0), new TileHaltInstruction()], [], [new MemoryRange(0, 128, 1)]),
            TileProgram(1, TileKind.Analog,
                [new ReceiveInstruction(0, 0, 1, 16, 8, 0), new SendInstruction(128, 2, 1, 16, 8, 0), new TileHaltInstruction()],
                [[
                    new LoadInstruction(InBuf, 0, 16, 8, 0),
                    new MvmInstruction(1, 0),
                    new AluInstruction(AluOp.Relu, Data, OutBuf, 0, 128, 0),
                    new StoreInstruction(128, Data, 1, 16, 8, 0),
                    new HaltInstruction(),
                ]]),
            TileProgram(2, TileKind.Analog,
                [new ReceiveInstruction(0, 1, 1, 16, 8, 1), new TileHaltInstruction()],
                [[
                    new LoadInstruction(InBuf, 0, 16, 8, 1),
                    new MvmInstruction(1, 1),
                    new StoreInstruction(128, OutBuf, 0, 16, 8, 1),
                    new HaltInstruction(),
                ]]));
    }

    [Fact]
    public void Two_layer_mlp_takes_the_hand_computed_cycles()
    {
        var result = HardwareSimulator.Run(Mlp(Architecture()));

        // Input packets arrive at tile 1 every 10 cycles (8-flit serialization + 2-cycle eDRAM read, FIFO depth 2):
        // 13, 23, ..., 83. Core 1 loads each 16-word access as it lands: done at 88; mvm to 1888; relu 128/4 = 32 → 1920;
        // store 8 × 3 → 1944; halt 1945. Tile 1 sends from 1920 (port free at 1936): arrivals 1949 ... 2019 at tile 2.
        // Core 2 loads them: done 2024; mvm to 3824; store 24 → 3848; halt 3849.
        Assert.Equal(3849, result.Cycles);
        var fc1 = result.Ledger.LayerSpan(0)!.Value;
        var fc2 = result.Ledger.LayerSpan(1)!.Value;
        Assert.Equal((0L, 2019_000L), fc1);          // tile 0 sends from 0; fc1's output lands in tile 2 at 2019
        Assert.Equal((1949_000L, 3848_000L), fc2);   // first fc2 packet written at 1949; fc2's store ends at 3848
    }

    [Fact]
    public void Two_layer_mlp_dynamic_energy_is_the_sum_of_hand_counted_actions()
    {
        var arch = Architecture();
        var result = HardwareSimulator.Run(Mlp(arch));
        var energy = EnergyModel.Compute(arch, result.Ledger);

        double expected =
            (2 * 128 * 170)                                 // crossbar activations, 2 MVMs
            + (2 * 16384 * 1.8)                             // ADC conversions
            + (2 * 2048 * 0.00350625)                       // DAC
            + (2 * 16384 * 8.73e-6)                         // S&H
            + (2 * 18432 * 0.045)                           // shift-and-add
            + (2 * 16 * 1.7) + (256 * 0.16)                 // input buffer: 16 shift-reads per MVM; 2 loads of 128 words
            + (((2 * 4096) + 128 + 128) * 0.16)             // output buffer: MVM writes/reads; relu read; fc2 store read
            + (256 * 0.33)                                  // register file: relu write, fc1 store read
            + (128 * 0.2652)                                // relu
            + (9 * 1.301)                                   // core instruction fetches (5 + 4)
            + ((1945 + 3849) * 0.25)                        // core control, per cycle until halt
            + (64 * (8.6 + 3.0 + 0.475 + 0.919))            // 64 eDRAM accesses: eDRAM, bus, controller, attribute buffer
            + (32 * 8.96)                                   // receive buffer: 16 packets in, 16 out
            + (7 * 1.838)                                   // tile instruction fetches (2 + 3 + 2)
            + ((80 + 2016 + 3849) * 0.05)                   // tile control until each tile halts
            + (16 * 8 * 2 * 16.13)                          // 16 packets × 8 flits × 2 routers
            + (16 * 8 * 1 * 1.0);                           // ... × 1 link
        Assert.Equal(expected, energy.DynamicJoules / Pj, 1e-6);
        Assert.Empty(energy.UncostedComponents);
    }
}
