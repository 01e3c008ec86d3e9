using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Tests.Architecture;

public sealed class ShippedArchitectureTests
{
    public static TheoryData<string> Files() =>
        [.. new[] { "puma.yaml", "hyperx-128-16b.yaml", "hyperx-128-8b.yaml", "hyperx-64-16b.yaml", "hyperx-64-8b.yaml", "hyperx-128-8b-scaled.yaml", "hyperx-64-8b-scaled.yaml", "lobranch-3d.yaml" }];

    private static ArchitectureSpec Load(string name)
    {
        try
        {
            return ArchitectureLoader.Load(RepositoryPaths.Arch(name));
        }
        catch (SpecException e)
        {
            Assert.Fail(e.Message);
            throw;
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_shipped_architecture_validates(string name)
    {
        var spec = Load(name);
        Assert.Equal(Path.GetFileNameWithoutExtension(name), spec.Name);
        Assert.Equal(1e9, spec.ClockHz);
        Assert.All(spec.AnalogTile!.Core.Mvmu.Components, c => Assert.NotEmpty(c.Source));
    }

    [Fact]
    public void Puma_is_the_paper_node()
    {
        var spec = Load("puma.yaml");
        var mvmu = Assert.IsType<AnalogMvmuSpec>(spec.AnalogTile!.Core.Mvmu);
        Assert.Equal((138, 8, 2), (spec.AnalogTile.Count, spec.AnalogTile.Cores, spec.AnalogTile.Core.Mvmus));
        Assert.Equal((128, 128, 16, 16, 2, 8, 8), (mvmu.Rows, mvmu.Cols, mvmu.WeightBits, mvmu.InputBits, mvmu.BitsPerCell, mvmu.AdcBits, mvmu.PhysicalCrossbars));
        Assert.Equal(170e-12, mvmu.Component("xbar")!.Energy("access"), 1e-24);
        Assert.Equal(1.8e-12, mvmu.Component("adc")!.Energy("access"), 1e-24);
        Assert.Equal(100e-9, mvmu.Component("adc")!.LatencySeconds, 1e-20);
        Assert.Equal(32768, spec.AnalogTile.SharedMemoryWords);
        Assert.Null(spec.DigitalTile);
        Assert.Equal(ConvMappingPolicy.Im2Col, spec.ConvMapping);
    }

    [Fact]
    public void Hyperx_64_8b_states_only_what_differs_and_inherits_the_rest()
    {
        var spec = Load("hyperx-64-8b.yaml");
        var mvmu = Assert.IsType<AnalogMvmuSpec>(spec.AnalogTile!.Core.Mvmu);
        var digital = Assert.IsType<DigitalMvmuSpec>(spec.DigitalTile!.Core.Mvmu);
        Assert.Equal((64, 7, 8, 4), (mvmu.Rows, mvmu.AdcBits, mvmu.WeightBits, mvmu.PhysicalCrossbars));
        Assert.Equal(1.575e-12, mvmu.Component("adc")!.Energy("access"), 1e-24);
        Assert.Equal((64, 8, DigitalCostModel.Table, 258e-9), (digital.Rows, digital.WeightBits, digital.CostModel, digital.MvmLatencySeconds));
        // HyperX's toolchain: PUMA's Digital_V1 size-64 table, which has no precision index, unchanged at 8 bits
        Assert.Equal(20844e-12, digital.Component("mvmu")!.Energy("mvm"), 1e-20);
        Assert.Equal(12.825e-3, digital.Component("mvmu")!.LeakageWatts, 1e-12);
        Assert.Equal(0.27701e-6, digital.Component("mvmu")!.AreaSquareMeters, 1e-15);
        Assert.Equal((6, 6), (spec.AnalogTile.Core.Mvmus, spec.DigitalTile.Core.Mvmus));
        Assert.False(spec.DigitalTile.Core.MvmusConcurrent);
        Assert.Null(spec.AnalogTile.Count);
        Assert.Null(spec.DigitalTile.Count);
        Assert.Equal(ConvMappingPolicy.PerOffset, spec.ConvMapping);
        Assert.Equal(PartitionSpec.Freeze(19), spec.DefaultPartition);
    }

    [Theory]
    [InlineData("hyperx-128-8b", 83018e-12, 40.240e-3, 1.7402e-6, 514e-9)]
    [InlineData("hyperx-64-8b", 20844e-12, 12.825e-3, 0.27701e-6, 258e-9)]
    public void Hyperx_8b_keeps_the_16_bit_digital_table_and_its_scaled_variant_quarters_energy_and_halves_leakage_and_area(
        string name, double energy, double leakage, double area, double latency)
    {
        var toolchain = Load(name + ".yaml");
        var scaled = Load(name + "-scaled.yaml");
        var (t, s) = (Assert.IsType<DigitalMvmuSpec>(toolchain.DigitalTile!.Core.Mvmu), Assert.IsType<DigitalMvmuSpec>(scaled.DigitalTile!.Core.Mvmu));
        Assert.Equal((8, 8), (t.WeightBits, s.WeightBits));
        Assert.Equal(energy, t.Component("mvmu")!.Energy("mvm"), 1e-20);
        Assert.Equal(leakage, t.Component("mvmu")!.LeakageWatts, 1e-12);
        Assert.Equal(area, t.Component("mvmu")!.AreaSquareMeters, 1e-15);
        Assert.Equal(energy / 4, s.Component("mvmu")!.Energy("mvm"), 1e-20);
        Assert.Equal(leakage / 2, s.Component("mvmu")!.LeakageWatts, 1e-12);
        Assert.Equal(area / 2, s.Component("mvmu")!.AreaSquareMeters, 1e-15);
        Assert.Equal((latency, latency), (t.MvmLatencySeconds, s.MvmLatencySeconds));
        // everything else is the toolchain file's
        var (ta, sa) = (Assert.IsType<AnalogMvmuSpec>(toolchain.AnalogTile!.Core.Mvmu), Assert.IsType<AnalogMvmuSpec>(scaled.AnalogTile!.Core.Mvmu));
        Assert.Equal((ta.Rows, ta.WeightBits, ta.AdcBits, ta.PhysicalCrossbars), (sa.Rows, sa.WeightBits, sa.AdcBits, sa.PhysicalCrossbars));
        Assert.Equal((toolchain.DigitalTile.Core.Mvmus, toolchain.DigitalTile.Core.MvmusConcurrent), (scaled.DigitalTile.Core.Mvmus, scaled.DigitalTile.Core.MvmusConcurrent));
        Assert.Equal(toolchain.ConvMapping, scaled.ConvMapping);
        Assert.Equal(toolchain.DefaultPartition, scaled.DefaultPartition);
    }

    [Fact]
    public void Lobranch_uses_3d_rram_and_per_mac_sram()
    {
        var spec = Load("lobranch-3d.yaml");
        var mvmu = Assert.IsType<AnalogMvmuSpec>(spec.AnalogTile!.Core.Mvmu);
        var digital = Assert.IsType<DigitalMvmuSpec>(spec.DigitalTile!.Core.Mvmu);
        Assert.Equal((8, 8), (mvmu.StackLayers, mvmu.WeightBits));
        Assert.Equal(DigitalCostModel.PerMac, digital.CostModel);
        Assert.Null(digital.Component("mvmu"));
        Assert.Equal(64, digital.Component("mac")!.Count);
        // 64 x 64 SRAM-CIM macros, 64 MVMU slots (packed blocks) sharing up to 16 macros per core.
        Assert.Equal((64, 64, 64, 16), (digital.Rows, digital.Cols, spec.DigitalTile.Core.Mvmus, digital.MacrosPerCore));
        Assert.Null(Assert.IsType<DigitalMvmuSpec>(Load("hyperx-128-16b.yaml").DigitalTile!.Core.Mvmu).MacrosPerCore);
        Assert.Equal(PartitionSpec.Rank(4), spec.DefaultPartition);
    }
}
