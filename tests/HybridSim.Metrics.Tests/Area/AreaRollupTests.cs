using HybridSim.Tests;
using System.Collections.Immutable;
using HybridSim.Metrics.Area;
using HybridSim.Specs.Architecture;

namespace HybridSim.Metrics.Tests.Area;

public sealed class AreaRollupTests
{
    private static ComponentSpec C(string name, int count, double areaMm2) =>
        new(name, count, 0, ImmutableSortedDictionary<string, double>.Empty, 0, areaMm2 * 1e-6, "test");

    /// <summary>
    /// Analog tile: 2 cores x 3 MVMUs; MVMU = 4 xbars x 1 mm2 + 2 adcs x 10 mm2 = 24; core = 3 x 24 + rf 5 = 77;
    /// tile = 2 x 77 + edram 100 = 254. Digital tile: 1 core x 1 MVMU of 50 (mvmu) + rf 5 = 55; tile 55 + edram 100 = 155.
    /// </summary>
    private static ArchitectureSpec Small(int? analogCount, int? digitalCount)
    {
        var analogMvmu = SpecBuilder.AnalogMvmu(rows: 8, cols: 8, weightBits: 8, inputBits: 8, adcBits: 4, components: [C("xbar", 4, 1), C("adc", 2, 10)]);
        var digitalMvmu = SpecBuilder.DigitalMvmu(rows: 8, cols: 8, weightBits: 8, inputBits: 8, macs: 8, mvmLatencySeconds: 1e-9, components: [C("mvmu", 1, 50)]);
        var analogCore = SpecBuilder.Core(analogMvmu, mvmus: 3, registerFileWords: 64, instructionMemoryEntries: 64, aluLanes: 1, components: [C("register_file", 1, 5)]);
        var digitalCore = SpecBuilder.Core(digitalMvmu, mvmus: 1, concurrent: false, registerFileWords: 64, instructionMemoryEntries: 64, aluLanes: 1, components: [C("register_file", 1, 5)]);
        var analog = SpecBuilder.Tile(TileKind.Analog, analogCore, analogCount, cores: 2, sharedMemoryWords: 1024, receiveBufferDepth: 4, instructionMemoryEntries: 16, components: [C("edram", 1, 100)]);
        var digital = SpecBuilder.Tile(TileKind.Digital, digitalCore, digitalCount, cores: 1, sharedMemoryWords: 1024, receiveBufferDepth: 4, instructionMemoryEntries: 16, components: [C("edram", 1, 100)]);
        var noc = SpecBuilder.Noc("cmesh", 4, tilesPerNode: 138, interNodeLatencyCycles: 36, components: [C("router", 1, 7)]);
        return SpecBuilder.Architecture(analog, digital, noc, name: "small", sourceFile: "small.yaml", nodeComponents: [C("hypertransport", 1, 1000)]);
    }

    [Fact]
    public void Tile_and_core_areas_are_hand_computed_sums()
    {
        var arch = Small(3, 2);
        Assert.Equal(77e-6, AreaRollup.CoreArea(arch.AnalogTile!.Core), 1e-15);
        Assert.Equal(254e-6, AreaRollup.TileArea(arch.AnalogTile), 1e-15);
        Assert.Equal(155e-6, AreaRollup.TileArea(arch.DigitalTile), 1e-15);
    }

    [Fact]
    public void Fixed_counts_roll_up_to_the_node()
    {
        // 3 analog tiles (762) + 2 digital (310) + ceil(5/4) = 2 routers x 7 (14) + one node link (1000) = 2086 mm2.
        var area = AreaRollup.Compute(Small(3, 2));
        Assert.Equal(2086, area.TotalMm2, 9);
        Assert.Equal(2, area.Routers);
        Assert.Equal(3 * 2 * 3 * 4, area.ByComponent["xbar"] * 1e6, 9);
        Assert.Equal((3 * 2 * 5) + (2 * 1 * 5), area.ByComponent["register_file"] * 1e6, 9);
        Assert.Equal((3 * 2 * 3 * 24) + (2 * 50), area.ByLevel["mvmu"] * 1e6, 9);
        Assert.Equal(500, area.ByLevel["tile"] * 1e6, 9);
        Assert.Equal(area.TotalSquareMeters, area.ByComponent.Values.Sum(), 15);
    }

    [Fact]
    public void Auto_counts_take_the_callers_tile_counts()
    {
        var arch = Small(null, null);
        Assert.Equal(1000, AreaRollup.Compute(arch).TotalMm2, 9);
        // 1 analog tile (254) + 0 digital + 1 router (7) + node (1000).
        Assert.Equal(1261, AreaRollup.Compute(arch, analogTiles: 1, digitalTiles: 0).TotalMm2, 9);
    }

    [Fact]
    public void Dense_sram_macros_bill_the_macros_placed_not_every_mvmu_slot()
    {
        // The digital core gets 8 MVMU slots sharing at most 3 macros of 50 mm2 (each mvmu component is one macro's).
        var arch = Small(null, null);
        var dense = (DigitalMvmuSpec)arch.DigitalTile!.Core.Mvmu with { MacrosPerCore = 3 };
        arch = arch with { DigitalTile = arch.DigitalTile with { Core = arch.DigitalTile.Core with { Mvmus = 8, Mvmu = dense } } };

        // 2 digital tiles (2 x (edram 100 + rf 5)) + 5 macros placed x 50 + 1 router (7) + node (1000).
        var placed = AreaRollup.Compute(arch, analogTiles: 0, digitalTiles: 2, sramMacros: 5);
        Assert.Equal(210 + 250 + 7 + 1000, placed.TotalMm2, 9);
        Assert.Equal(5, placed.SramMacros);

        // Without a placement the cores' capacity counts: 2 tiles x 1 core x 3 macros; one core is rf 5 + 3 x 50.
        Assert.Equal(6, AreaRollup.Compute(arch, analogTiles: 0, digitalTiles: 2).SramMacros);
        Assert.Equal(155e-6, AreaRollup.CoreArea(arch.DigitalTile!.Core), 1e-15);
    }

    [Fact]
    public void Without_dense_packing_every_mvmu_of_every_digital_core_is_a_macro()
    {
        Assert.Equal(2, AreaRollup.Compute(Small(3, 2)).SramMacros);
    }
}
