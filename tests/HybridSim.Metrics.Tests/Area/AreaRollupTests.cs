using System.Collections.Immutable;
using HybridSim.Metrics.Area;
using HybridSim.Specs.Architecture;

namespace HybridSim.Metrics.Tests.Area;

public sealed class AreaRollupTests
{
    private static ComponentSpec C(string name, int count, double areaMm2) =>
        new(name, count, 0, ImmutableSortedDictionary<string, double>.Empty, 0, areaMm2 * 1e-6, "test");

    private static ArchitectureSpec Arch(int stackLayers = 1, int? fixedAnalogTiles = null)
    {
        var timing = ImmutableSortedDictionary<string, int>.Empty;
        var mvmu = new AnalogMvmuSpec(128, 128, 16, 16, 2, 1, 8, 2, stackLayers, 3, [C("xbar", 8, 2.5e-5), C("adc", 2, 0.0012)]);
        var core = new CoreSpec(2, mvmu, true, 1024, 512, 4, timing, [C("alu", 1, 0.004)]);
        var tile = new TileSpec(TileKind.Analog, fixedAnalogTiles, 8, core, 32768, 16, 16, 2, 1, 2, 2048, [C("edram", 1, 0.086)]);
        var noc = new NocSpec("cmesh", 4, 32, 16, 1, 1, 1, 138, 5, [C("router", 1, 0.047)]);
        return new ArchitectureSpec("a", "a.yaml", 1e9, tile, null, noc, ConvMappingPolicy.Im2Col, null, [C("hypertransport", 1, 22.88)], ImmutableSortedDictionary<string, string>.Empty);
    }

    [Fact]
    public void Area_rolls_up_mvmu_core_tile_and_counts_only_used_tiles()
    {
        var area = AreaRollup.Compute(Arch(), analogTilesUsed: 5, digitalTilesUsed: 0);

        // MVMU: 8 × 2.5e-5 + 2 × 0.0012 = 0.0026; core: 2 × 0.0026 + 0.004 = 0.0092; tile: 8 × 0.0092 + 0.086 = 0.1596
        Assert.Equal(0.1596, area.AnalogTileMm2, 1e-12);
        // 5 tiles, ⌈5/4⌉ = 2 routers, 1 node
        Assert.Equal((5 * 0.1596) + (2 * 0.047) + 22.88, area.TotalMm2, 1e-9);
        Assert.Equal(5 * 16 * 2 * 0.0012, area.ByComponentMm2["analog.adc"], 1e-12);
        Assert.Equal(2, area.Routers);
    }

    [Fact]
    public void A_fixed_tile_count_overrides_the_used_tiles_and_stacking_divides_crossbar_area()
    {
        var flat = AreaRollup.Compute(Arch(fixedAnalogTiles: 10), 3, 0);
        var stacked = AreaRollup.Compute(Arch(stackLayers: 4, fixedAnalogTiles: 10), 3, 0);

        Assert.Equal(10, flat.AnalogTiles);
        Assert.Equal(flat.ByComponentMm2["analog.xbar"] / 4, stacked.ByComponentMm2["analog.xbar"], 1e-12);
    }
}
