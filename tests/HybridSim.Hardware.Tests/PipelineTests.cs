using HybridSim.Metrics.Energy;
using static HybridSim.Hardware.Tests.TestMachines;

namespace HybridSim.Hardware.Tests;

public sealed class PipelineTests
{
    [Fact]
    public void A_chain_of_tiles_runs_to_the_end_and_overlaps_its_stages()
    {
        var arch = Architecture();
        var program = SyntheticPipeline.Build(arch, tiles: 4, vectors: 10);

        var result = HardwareSimulator.Run(program);

        // Ten vectors through four 1800-cycle stages: far less than running them one after another (40 × 1800).
        Assert.InRange(result.Cycles, (4 + 9) * 1800, 40 * 1800);
    }

    [Fact]
    public void Two_runs_give_identical_ledgers()
    {
        var arch = Architecture();
        var program = SyntheticPipeline.Build(arch, tiles: 6, vectors: 12, coresPerTile: 3);

        var a = HardwareSimulator.Run(program);
        var b = HardwareSimulator.Run(program);

        Assert.Equal(a.Cycles, b.Cycles);
        Assert.Equal(a.Events, b.Events);
        Assert.Equal(a.Ledger.Totals().Select(x => x.ToString()).ToArray(), b.Ledger.Totals().Select(x => x.ToString()).ToArray());
        Assert.Equal(a.Statistics, b.Statistics);
        Assert.Equal(EnergyModel.Compute(arch, a.Ledger).TotalJoules, EnergyModel.Compute(arch, b.Ledger).TotalJoules);
    }
}
