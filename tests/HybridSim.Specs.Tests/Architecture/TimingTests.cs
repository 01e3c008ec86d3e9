using HybridSim.Specs.Architecture;

namespace HybridSim.Specs.Tests.Architecture;

public sealed class TimingTests
{
    private static readonly NocSpec Noc = new(
        "cmesh", Concentration: 4, FlitBits: 32, PacketWords: 16, LinkFlitsPerCycle: 2, RouterLatencyCycles: 1, LinkLatencyCycles: 3,
        TilesPerNode: 8, InterNodeLatencyCycles: 5, []);

    [Fact]
    public void A_saturating_estimate_rounds_like_the_checked_conversion_so_100ns_at_1GHz_is_100_cycles()
    {
        Assert.Equal(100, ClockCycles.FromSeconds(100e-9, 1e9, "a.yaml", "adc.latency"));
        Assert.Equal(100, ClockCycles.Saturating(100e-9, 1e9, 1L << 40));
        Assert.Equal(101, ClockCycles.Saturating(100.5e-9, 1e9, 1L << 40));
        Assert.Equal(1L << 40, ClockCycles.Saturating(1e6, 1e9, 1L << 40));
        Assert.Equal(0, ClockCycles.Saturating(double.NaN, 1e9, 1L << 40));
        Assert.Equal(0, ClockCycles.Saturating(-1e-9, 1e9, 1L << 40));
    }

    [Fact]
    public void Ten_tiles_four_to_a_router_sit_on_three_routers_of_a_two_wide_mesh()
    {
        var mesh = MeshLayout.For(Noc, 10);

        Assert.Equal(new MeshLayout(4, 3, 2, 2), mesh);
        Assert.Equal(2, mesh.RouterOf(9));
        Assert.Equal(1, mesh.Hops(0, 9)); // router 0 at (0, 0), router 2 at (0, 1)
        Assert.Equal(2, mesh.Hops(4, 9)); // router 1 at (1, 0)
        Assert.Equal(8, mesh.Links); // 2 × (2 − 1) × 2 + 2 × 2 × (2 − 1), the full 2 × 2 grid
        Assert.Equal(3, MeshLayout.For(Noc, 10, width: 3).Width);
    }

    [Fact]
    public void Serialisation_rounds_a_partial_cycle_up()
    {
        Assert.Equal(3, NocTiming.Flits(Noc, 65));
        Assert.Equal(2, NocTiming.SerialisationCycles(Noc, 3)); // 3 flits at 2 per cycle
        Assert.Equal(1, NocTiming.SerialisationCycles(Noc, 2));
    }

    [Fact]
    public void A_transfer_is_router_plus_link_and_router_per_hop_plus_serialisation_plus_the_inter_node_hop()
    {
        var mesh = MeshLayout.For(Noc, 16);

        // 16 words × 16 bits = 8 flits, 4 cycles at 2 per cycle; tile 4 to tile 12: routers 1 (1, 0) to 3 (1, 1), one hop
        Assert.Equal(1 + (1 * (3 + 1)) + 4 + 5, NocTiming.TransferCycles(Noc, mesh, 4, 12, 16 * 16));
        Assert.Equal(1 + 4, NocTiming.TransferCycles(Noc, mesh, 4, 5, 16 * 16));
    }

    [Fact]
    public void Masked_mvmus_cost_one_latency_side_by_side_and_their_sum_one_after_another()
    {
        Assert.Equal(1800, MvmuTiming.InstructionCycles(1800, concurrent: true, active: 3));
        Assert.Equal(5400, MvmuTiming.InstructionCycles(1800, concurrent: false, active: 3));
        Assert.Equal(0, MvmuTiming.InstructionCycles(1800, concurrent: false, active: 0));
    }
}
