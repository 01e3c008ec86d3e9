using HybridSim.Activity;
using HybridSim.Isa;
using HybridSim.Metrics.Energy;
using HybridSim.Specs.Architecture;
using static HybridSim.Hardware.Tests.TestMachines;

namespace HybridSim.Hardware.Tests;

public sealed class SharedMemoryAndNocTests
{
    [Fact]
    public void Load_waits_for_the_store_of_another_core_and_then_takes_the_port_after_it()
    {
        var arch = Architecture();
        var dataBase = 2 * (128 + 128);
        CoreInstruction[] producer =
        [
            new SetInstruction(dataBase, 0, 10, 0),              // 10 cycles
            new StoreInstruction(0, dataBase, 1, 16, 1, 0),      // issue at 12: port [12,14) + 1 → 15
            new HaltInstruction(),                               // 16
        ];
        CoreInstruction[] consumer =
        [
            new LoadInstruction(dataBase, 0, 16, 1, 0),          // issue at 2, waits until 12, port [14,16) + 1 → 17
            new HaltInstruction(),                               // 18
        ];
        var result = HardwareSimulator.Run(Program(arch, 1, TileProgram(0, TileKind.Analog, [new TileHaltInstruction()], [producer, consumer])));

        Assert.Equal(18, result.Cycles);
        var c = EnergyModel.Compute(arch, result.Ledger).DynamicByComponentJoules;
        Assert.Equal(2 * 8.6 * Pj, c["analog.edram"], 1e-16);       // one write access, one read access
        Assert.Equal(2 * 3.0 * Pj, c["analog.edram_bus"], 1e-16);
    }

    [Fact]
    public void Load_of_several_bus_widths_takes_three_cycles_per_access_as_in_puma()
    {
        var arch = Architecture();
        var dataBase = 2 * (128 + 128);
        var result = HardwareSimulator.Run(Program(
            arch,
            1,
            TileProgram(0, TileKind.Analog, [new TileHaltInstruction()], [[new LoadInstruction(dataBase, 0, 16, 8, 0), new HaltInstruction()]], [new MemoryRange(0, 128, 1)])));

        // fill 2 + 8 accesses × (2 eDRAM + 1 register write) + halt 1 (docs/references.md, PUMA tables 3.7: ld vec=8 takes 24)
        Assert.Equal(2 + 24 + 1, result.Cycles);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void One_packet_over_k_hops_arrives_after_router_and_link_latencies_plus_serialization(int hops)
    {
        var arch = Architecture();
        var tiles = new List<HybridSim.Isa.TileProgram>();
        tiles.Add(TileProgram(0, TileKind.Analog, [new SendInstruction(0, hops, 0, 16, 1, 0), new TileHaltInstruction()], [], [new MemoryRange(0, 16, 1)]));
        for (var i = 1; i <= hops; i++)
        {
            TileInstruction[] code = i == hops ? [new ReceiveInstruction(0, 0, 1, 16, 1, 0), new TileHaltInstruction()] : [new TileHaltInstruction()];
            tiles.Add(TileProgram(i, TileKind.Analog, code, []));
        }

        if (hops == 0)
        {
            tiles[0] = TileProgram(0, TileKind.Analog, [new SendInstruction(0, 0, 0, 16, 1, 0), new ReceiveInstruction(100, 0, 1, 16, 1, 0), new TileHaltInstruction()], [], [new MemoryRange(0, 16, 1)]);
        }

        var result = HardwareSimulator.Run(Program(arch, 8, [.. tiles]));

        // eDRAM read [0,2); router 1; per hop link 1 + router 1; 16 words × 16 bits = 8 flits at 1 flit/cycle; eDRAM write 2
        Assert.Equal(2 + 1 + (2 * hops) + 8 + 2, result.Cycles);
        Assert.Equal(2 + NocTiming.TransferCycles(arch.Noc, MeshLayout.For(arch.Noc, tiles.Count, 8), 0, hops, 16 * 16) + 2, result.Cycles);
        Assert.Equal(8L * (hops + 1), result.Ledger.Total(new ActivityKey(ActivityScope.Noc, TileKind.Analog, "router", "flit")));
        Assert.Equal(8L * hops, result.Ledger.Total(new ActivityKey(ActivityScope.Noc, TileKind.Analog, "link", "flit")));
    }

    [Fact]
    public void Two_packets_contending_for_one_link_go_one_after_the_other()
    {
        // Concentration 2: tiles 0 and 1 share router 0, tiles 2 and 3 router 1; both packets need link router0→router1.
        var arch = Architecture(concentration: 2);
        var result = HardwareSimulator.Run(Program(
            arch,
            2,
            TileProgram(0, TileKind.Analog, [new SendInstruction(0, 3, 0, 16, 1, 0), new TileHaltInstruction()], [], [new MemoryRange(0, 16, 1)]),
            TileProgram(1, TileKind.Analog, [new SendInstruction(0, 3, 1, 16, 1, 0), new TileHaltInstruction()], [], [new MemoryRange(0, 16, 1)]),
            TileProgram(2, TileKind.Analog, [new TileHaltInstruction()], []),
            TileProgram(3, TileKind.Analog, [new ReceiveInstruction(0, 0, 1, 16, 1, 0), new ReceiveInstruction(16, 1, 1, 16, 1, 0), new TileHaltInstruction()], [])));

        // Both inject at 2, heads reach the link at 3. First: link [3,11), arrives 3+1+1+8 = 13, written [13,15).
        // Second: link [11,19), arrives 21, written [21,23). Without contention it would have ended at 17.
        Assert.Equal(23, result.Cycles);
    }

    [Fact]
    public void A_load_nobody_stores_deadlocks_with_a_message_naming_core_instruction_and_address()
    {
        var arch = Architecture();
        var dataBase = 2 * (128 + 128);
        var program = Program(arch, 1, TileProgram(0, TileKind.Analog, [new TileHaltInstruction()],
            [[new SetInstruction(dataBase, 0, 1, 0), new LoadInstruction(dataBase, 40, 4, 1, 0), new HaltInstruction()]]));

        var e = Assert.Throws<DeadlockException>(() => HardwareSimulator.Run(program));

        Assert.Contains("tile 0 core 0: instruction 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("Address = 40", e.Message, StringComparison.Ordinal);
        Assert.Contains("address 40 of tile 0 to become valid", e.Message, StringComparison.Ordinal);
        Assert.Contains("tile 0 engine", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_streams_inputs_and_repeats_programs()
    {
        var arch = Architecture();
        var program = Program(arch, 1, TileProgram(0, TileKind.Analog, [new TileHaltInstruction()],
            [[new LoadInstruction(0, 0, 16, 8, 0), new MvmInstruction(1, 0), new StoreInstruction(200, 256, 0, 16, 8, 0), new HaltInstruction()]],
            [new MemoryRange(0, 128, 1)]));

        var one = HardwareSimulator.Run(program);
        var four = HardwareSimulator.Run(program, new SimulationOptions(Batch: 4));

        Assert.Single(one.Ledger.InferenceEnds);
        Assert.Equal(4, four.Ledger.InferenceEnds.Count);
        // Each inference: load 24 + mvm 1800 + store 24; the three later ones follow back to back.
        Assert.Equal(one.Cycles + (3 * (24 + 1800 + 24)), four.Cycles);
    }
}
