using HybridSim.Activity;
using HybridSim.Tests;
using HybridSim.Compiler.Mapping;
using HybridSim.Hardware.Programming;
using HybridSim.Isa;
using HybridSim.Metrics.Programming;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using static HybridSim.Hardware.Tests.TestMachines;

namespace HybridSim.Hardware.Tests;

public sealed class WeightProgrammerTests
{
    private static readonly WriteSpec RramWrite = new(8.12 * Pj, 100 * Ns, 1e6, 1, "test");
    private static readonly WriteSpec SramWrite = new(0.01 * Pj, 1 * Ns, 1e16, 2, "test");

    /// <summary>A 2 × 2 crossbar of 4-bit weights in 2-bit cells: two bit-slice crossbars per MVMU.</summary>
    private static ArchitectureSpec TwoByTwo(WriteSpec? rram, WriteSpec? sram)
    {
        var analog = SpecBuilder.AnalogMvmu(rows: 2, cols: 2, weightBits: 4, inputBits: 4, adcBits: 4, adcs: 1, components: [C("xbar", 2, 1), C("adc", 1, 1)]) with { Write = rram };
        var digital = SpecBuilder.DigitalMvmu(rows: 2, cols: 2, weightBits: 4, inputBits: 4, macs: 2, costModel: DigitalCostModel.PerMac, mvmLatencySeconds: 0, rowPassSeconds: Ns,
            components: [C("sram", 1, 1), C("mac", 2, 1)]) with { Write = sram };
        var arch = Architecture();
        return arch with
        {
            AnalogTile = arch.AnalogTile! with { Core = arch.AnalogTile.Core with { Mvmu = analog, Mvmus = 3 } },
            DigitalTile = arch.DigitalTile! with { Core = arch.DigitalTile.Core with { Mvmu = digital, Mvmus = 3 } },
        };
    }

    private static CompiledProgram WithBlocks(ArchitectureSpec arch, params WeightBlock[] blocks) =>
        Program(arch, 1) with { WeightBlocks = [.. blocks] };

    [Fact]
    public void Programming_one_full_2x2_crossbar_writes_8_cells_in_2_row_times()
    {
        // fc1's W, 2 × 2 weights of 4 bits on one MVMU: 4 weights × 2 slices = 8 cells; 2 rows × 2 slices = 4 row writes;
        // the slices write together, so 2 rows × 100 ns = 200 ns.
        var arch = TwoByTwo(RramWrite, SramWrite);
        var activity = WeightProgrammer.Program(WithBlocks(arch, new WeightBlock(0, 0, 0, 0, "fc1", TileKind.Analog, 2, 2, 4)));

        Assert.Equal(8, activity.Ledger.Total(new ActivityKey(ActivityScope.Mvmu, TileKind.Analog, "cell", "write")));
        Assert.Equal(4, activity.Ledger.Total(new ActivityKey(ActivityScope.Mvmu, TileKind.Analog, "row", "write")));
        Assert.Equal(200_000, activity.AnalogPicoseconds);
        Assert.Equal(0, activity.DigitalPicoseconds);

        var cost = ProgrammingCost.Compute(arch, activity);
        Assert.Equal(8 * 8.12, cost.EnergyPj, 9);
        Assert.Equal(200, cost.LatencyNs, 9);
        Assert.Equal(1e-6, cost.EnduranceUsed, 15);
        Assert.Equal(0, cost.Sram.CellsWritten);
    }

    [Fact]
    public void Sram_weights_count_one_cell_per_bit_and_rram_and_sram_program_at_the_same_time()
    {
        // SRAM: a 2 × 1 block of 4-bit weights = 2 weights × 4 bit cells = 8 cells, 2 rows × 1 ns; RRAM: a 1-row block, 100 ns.
        var arch = TwoByTwo(RramWrite, SramWrite);
        var activity = WeightProgrammer.Program(WithBlocks(arch,
            new WeightBlock(0, 0, 0, 0, "fc1", TileKind.Analog, 1, 2, 2),
            new WeightBlock(1, 0, 0, 1, "fc2.A", TileKind.Digital, 2, 1, 2)));
        var cost = ProgrammingCost.Compute(arch, activity);

        Assert.Equal(8, cost.Sram.CellsWritten);
        Assert.Equal(2, cost.Sram.RowsWritten);
        Assert.Equal(8 * 0.01, cost.Sram.EnergyPj, 12);
        Assert.Equal(2, cost.Sram.LatencyNs, 9);
        Assert.Equal(1.0, cost.Sram.EnduranceUsed * 1e16, 12);
        Assert.Equal(4, cost.Rram.CellsWritten);
        Assert.Equal((4 * 8.12) + (8 * 0.01), cost.EnergyPj, 9);
        Assert.Equal(100, cost.LatencyNs, 9);
        Assert.Equal(1e-6, cost.EnduranceUsed, 15);
    }

    [Fact]
    public void Mvmus_of_a_core_beyond_parallel_mvmus_wait_for_a_free_write_path()
    {
        // RRAM parallel_mvmus 1: three MVMUs of rows 2, 1 and 2 on one core take 5 row times; the same on three cores take 2.
        var arch = TwoByTwo(RramWrite, SramWrite);
        var oneCore = WeightProgrammer.Program(WithBlocks(arch,
            new WeightBlock(0, 0, 0, 0, "fc1", TileKind.Analog, 2, 2, 4),
            new WeightBlock(0, 0, 1, 0, "fc1", TileKind.Analog, 1, 2, 2),
            new WeightBlock(0, 0, 2, 1, "fc2", TileKind.Analog, 2, 2, 4)));
        var threeCores = WeightProgrammer.Program(WithBlocks(arch,
            new WeightBlock(0, 0, 0, 0, "fc1", TileKind.Analog, 2, 2, 4),
            new WeightBlock(0, 1, 0, 0, "fc1", TileKind.Analog, 1, 2, 2),
            new WeightBlock(0, 2, 0, 1, "fc2", TileKind.Analog, 2, 2, 4)));

        Assert.Equal(500_000, oneCore.AnalogPicoseconds);
        Assert.Equal(200_000, threeCores.AnalogPicoseconds);
        Assert.Equal(20, oneCore.Ledger.Total(new ActivityKey(ActivityScope.Mvmu, TileKind.Analog, "cell", "write")));
    }

    [Theory]
    [InlineData(1, 60)]   // 30 + 10 + 20
    [InlineData(2, 30)]   // path 0: 30; path 1: 10 then 20
    [InlineData(3, 30)]   // each on its own path
    [InlineData(64, 30)]
    public void Core_time_schedules_mvmus_in_order_on_the_first_free_path(int parallel, long expected)
    {
        Assert.Equal(expected, WeightProgrammer.CoreTime([3, 1, 2], parallel, 10));
    }

    [Fact]
    public void Blocks_can_be_selected_so_a_task_switch_writes_only_the_branch()
    {
        var arch = TwoByTwo(RramWrite, SramWrite);
        var program = WithBlocks(arch,
            new WeightBlock(0, 0, 0, 0, "fc1", TileKind.Analog, 2, 2, 4),
            new WeightBlock(1, 0, 0, 0, "fc1.A", TileKind.Digital, 2, 1, 2));
        var branch = WeightProgrammer.Program(program, b => b.Matrix.EndsWith(".A", StringComparison.Ordinal));

        Assert.Equal(0, branch.Ledger.Total(new ActivityKey(ActivityScope.Mvmu, TileKind.Analog, "cell", "write")));
        Assert.Equal(8, branch.Ledger.Total(new ActivityKey(ActivityScope.Mvmu, TileKind.Digital, "cell", "write")));
    }

    [Fact]
    public void An_mvmu_without_write_figures_is_an_input_error_naming_the_field()
    {
        var arch = TwoByTwo(null, SramWrite);
        var e = Assert.Throws<SpecException>(() => WeightProgrammer.Program(WithBlocks(arch, new WeightBlock(0, 0, 0, 0, "fc1", TileKind.Analog, 2, 2, 4))));
        Assert.Contains("tiles.analog.core.mvmu.write", e.Message, StringComparison.Ordinal);
    }
}
