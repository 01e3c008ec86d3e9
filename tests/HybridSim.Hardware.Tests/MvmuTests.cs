using HybridSim.Isa;
using HybridSim.Metrics.Energy;
using HybridSim.Specs.Architecture;
using static HybridSim.Hardware.Tests.TestMachines;

namespace HybridSim.Hardware.Tests;

public sealed class MvmuTests
{
    private static SimulationResult RunOneCore(ArchitectureSpec arch, TileKind kind, params CoreInstruction[] core) =>
        HardwareSimulator.Run(Program(arch, 1, TileProgram(0, kind, [new TileHaltInstruction()], [core])));

    [Fact]
    public void Analog_mvm_on_idle_core_takes_1800_cycles_plus_pipeline_fill_and_halt()
    {
        var result = RunOneCore(Architecture(), TileKind.Analog, new MvmInstruction(0b1, 0), new HaltInstruction());

        // fetch 1 + decode 1 + ADC 100 ns × (16 input steps + 3 stages − 1) + halt 1
        Assert.Equal(2 + 1800 + 1, result.Cycles);
    }

    [Fact]
    public void Analog_mvmus_of_one_core_run_in_parallel_and_only_masked_ones_cost()
    {
        var arch = Architecture(mvmus: 4);
        var one = RunOneCore(arch, TileKind.Analog, new MvmInstruction(0b0001, 0), new HaltInstruction());
        var three = RunOneCore(arch, TileKind.Analog, new MvmInstruction(0b1011, 0), new HaltInstruction());

        Assert.Equal(one.Cycles, three.Cycles);
        var e1 = EnergyModel.Compute(arch, one.Ledger).DynamicByComponentJoules["analog.adc"];
        var e3 = EnergyModel.Compute(arch, three.Ledger).DynamicByComponentJoules["analog.adc"];
        Assert.Equal(3 * e1, e3, 1e-18);
    }

    [Fact]
    public void Analog_mvmus_run_one_after_another_when_the_core_says_they_are_not_concurrent()
    {
        var arch = Architecture(mvmus: 2);
        arch = arch with { AnalogTile = arch.AnalogTile! with { Core = arch.AnalogTile.Core with { MvmusConcurrent = false } } };
        var result = RunOneCore(arch, TileKind.Analog, new MvmInstruction(0b11, 0), new HaltInstruction());

        Assert.Equal(2 + (2 * 1800) + 1, result.Cycles);
    }

    [Fact]
    public void Analog_mvm_energy_matches_the_per_access_figures()
    {
        var arch = Architecture();
        var result = RunOneCore(arch, TileKind.Analog, new MvmInstruction(0b1, 0), new HaltInstruction());
        var energy = EnergyModel.Compute(arch, result.Ledger);
        var c = energy.DynamicByComponentJoules;

        // 8 slices × 16 steps crossbar activations at 170 pJ; 128 cols × 8 × 16 ADC conversions at 1.8 pJ ...
        Assert.Equal(128 * 170 * Pj, c["analog.xbar"], 1e-15);
        Assert.Equal(16384 * 1.8 * Pj, c["analog.adc"], 1e-15);
        Assert.Equal(2048 * 0.00350625 * Pj, c["analog.dac"], 1e-18);
        Assert.Equal(16384 * 8.73e-6 * Pj, c["analog.snh"], 1e-20);
        Assert.Equal(18432 * 0.045 * Pj, c["analog.sna"], 1e-16);
        Assert.Equal(16 * 1.7 * Pj, c["analog.input_buffer"], 1e-16);
        Assert.Equal(4096 * 0.16 * Pj, c["analog.output_buffer"], 1e-16);
        var mvm = c["analog.xbar"] + c["analog.adc"] + c["analog.dac"] + c["analog.snh"] + c["analog.sna"]
            + c["analog.input_buffer"] + c["analog.output_buffer"];
        Assert.Equal(52770.5, mvm / Pj, 0.1); // docs/references.md, PUMA tables 4.2: ≈ 52.8 nJ per 128×128 16-bit MVM
        Assert.Equal(energy.DynamicJoules, energy.DynamicByLayerJoules[0] + c["analog.control"] + c["analog.tile_control"]
            + c["analog.tile_instruction_memory"] + c["analog.instruction_memory"] - (1 * 1.301 * Pj), 1e-15);
        Assert.Empty(energy.UncostedComponents);
    }

    [Fact]
    public void Digital_table_mvmus_run_one_after_another_when_not_concurrent()
    {
        var arch = Architecture(mvmus: 2, digitalConcurrent: false);
        var result = RunOneCore(arch, TileKind.Digital, new MvmInstruction(0b11, 0), new HaltInstruction());

        Assert.Equal(2 + (2 * 514) + 1, result.Cycles);
        var energy = EnergyModel.Compute(arch, result.Ledger);
        Assert.Equal(2 * 83018 * Pj, energy.DynamicByComponentJoules["digital.mvmu"], 1e-15);
    }

    [Fact]
    public void Digital_table_mvmus_overlap_when_concurrent()
    {
        var arch = Architecture(mvmus: 2, digitalConcurrent: true);
        var result = RunOneCore(arch, TileKind.Digital, new MvmInstruction(0b11, 0), new HaltInstruction());

        Assert.Equal(2 + 514 + 1, result.Cycles);
    }

    [Fact]
    public void Digital_per_mac_mvm_takes_one_row_pass_per_output_and_counts_macs()
    {
        var arch = Architecture(mvmus: 1, perMac: true);
        var result = RunOneCore(arch, TileKind.Digital, new MvmInstruction(0b1, 0), new HaltInstruction());

        // 64 outputs × 2 ns per row pass
        Assert.Equal(2 + 128 + 1, result.Cycles);
        var c = EnergyModel.Compute(arch, result.Ledger).DynamicByComponentJoules;
        Assert.Equal(64 * 1.28 * Pj, c["digital.sram"], 1e-16);
        Assert.Equal(64 * 64 * 0.05 * Pj, c["digital.mac"], 1e-16);
    }
}
