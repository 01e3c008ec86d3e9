using HybridSim.Tests;
using System.Collections.Immutable;
using HybridSim.Activity;
using HybridSim.Metrics.Energy;
using HybridSim.Metrics.Measurement;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Metrics.Tests.Measurement;

public sealed class ReportBuilderTests
{
    private static ComponentSpec C(string name, int count, double energyPj, double leakMw) =>
        new(name, count, 0, ImmutableSortedDictionary<string, double>.Empty.Add("access", energyPj * 1e-12), leakMw * 1e-3, 0, "test");

    private static ArchitectureSpec Arch()
    {
        var mvmu = SpecBuilder.AnalogMvmu(components: [C("adc", 2, 1.8, 0.2)]);
        var core = SpecBuilder.Core(mvmu, components: [C("alu", 1, 0.5, 1.0)]);
        var tile = SpecBuilder.Tile(TileKind.Analog, core, components: [C("edram", 1, 8.6, 0.46)]);
        var noc = SpecBuilder.Noc(tilesPerNode: 138, components: [C("router", 1, 16.13, 0.41)]);
        return SpecBuilder.Architecture(tile, null, noc, name: "a", sourceFile: "a.yaml");
    }

    private static WorkloadSpec Workload() => new(
        "w",
        "w.yaml",
        new TensorShape(4, 1, 1),
        [
            new LayerSpec("fc1", LayerKind.Fc, ["input"], 4, 0, 0, 0, 0, 1, false, ActivationKind.None, null,
                new TensorShape(4, 1, 1), new TensorShape(4, 1, 1), 1, false, new SourceLocation("w.yaml", 1, 1)),
            new LayerSpec("relu", LayerKind.Activation, ["fc1"], 0, 0, 0, 0, 0, 1, false, ActivationKind.Relu, null,
                new TensorShape(4, 1, 1), new TensorShape(4, 1, 1), 0, false, new SourceLocation("w.yaml", 2, 1)),
        ]);

    [Fact]
    public void Energy_is_counts_times_energy_per_action_plus_leakage_times_powered_time()
    {
        var ledger = new ActivityLedger(2, Arch().CyclePicoseconds);
        ledger.Add(ledger.Slot(ActivityScope.Mvmu, TileKind.Analog, "adc", "access"), 0, 1000);
        ledger.Add(ledger.Slot(ActivityScope.Core, TileKind.Analog, "alu", "add"), 1, 10);
        ledger.AddPoweredTime(ActivityScope.Mvmu, TileKind.Analog, 2_000_000);   // 2 µs of MVMU-time
        ledger.AddPoweredTime(ActivityScope.Tile, TileKind.Analog, 1_000_000);   // 1 µs of tile-time

        var e = EnergyModel.Compute(Arch(), ledger);

        Assert.Equal((1000 * 1.8) + (10 * 0.5), e.DynamicJoules * 1e12, 1e-9);
        Assert.Equal(1800, e.DynamicByLayerJoules[0] * 1e12, 1e-9);
        Assert.Equal(5, e.DynamicByLayerJoules[1] * 1e12, 1e-9);
        // ADC: 2 per MVMU × 0.2 mW × 2 µs = 0.8 nJ; eDRAM: 0.46 mW × 1 µs = 0.46 nJ
        Assert.Equal(800 + 460, e.LeakageJoules * 1e12, 1e-6);
    }

    [Fact]
    public void Uncosted_actions_are_reported_not_silently_free()
    {
        var ledger = new ActivityLedger(0, Arch().CyclePicoseconds);
        ledger.Add(ledger.Slot(ActivityScope.Tile, TileKind.Analog, "unknown_thing", "access"), -1, 3);

        var e = EnergyModel.Compute(Arch(), ledger);

        Assert.Equal("analog.unknown_thing", Assert.Single(e.UncostedComponents));
    }

    [Fact]
    public void Report_has_latency_anl_layer_spans_and_sram_fraction()
    {
        var ledger = new ActivityLedger(2, Arch().CyclePicoseconds) { EndPicoseconds = 2_000_000 };
        ledger.MarkLayer(0, 1000, 5000);
        ledger.MarkLayer(0, 3000, 9000);
        ledger.AddInferenceEnd(2_000_000);
        MappedMatrix[] matrices =
        [
            new(0, "fc1", TileKind.Analog, 4, 4, 1, 1),
            new(0, "fc1.A", TileKind.Digital, 4, 1, 1, 1),
            new(0, "fc1.B", TileKind.Digital, 1, 4, 1, 1),
        ];
        var m = new RunMeasurement(
            Arch(), Workload(), PartitionSpec.Rank(1), [.. matrices], ledger, 2000, 42, 0.5, 1, 3.0,
            ImmutableSortedDictionary<string, double>.Empty, ImmutableSortedDictionary<string, double>.Empty);

        var r = ReportBuilder.Build(m);

        Assert.Equal(2000.0, r.LatencyNs);
        Assert.Equal(2000e-6 * 3.0, r.AnlMsMm2, 1e-12);
        Assert.Equal(8.0 / 24.0, r.SramWeightFraction, 1e-12);
        Assert.Equal("analog", r.Layers[0].Placement);
        Assert.Equal(3, r.Layers[0].Mvmus);
        Assert.Equal(1.0, r.Layers[0].StartNs);
        Assert.Equal(9.0, r.Layers[0].EndNs);
        Assert.Equal("none", r.Layers[1].Placement);
        Assert.Equal("activation", r.Layers[1].Kind);
        Assert.Equal(new PartitionReportShape("rank", 1), new PartitionReportShape(r.Partition.Kind, r.Partition.Value));
    }

    [Fact]
    public void Leakage_by_component_is_its_own_map_summing_to_the_leakage_and_not_a_statistic()
    {
        var ledger = new ActivityLedger(1, Arch().CyclePicoseconds) { EndPicoseconds = 1_000_000 };
        ledger.Add(ledger.Slot(ActivityScope.Mvmu, TileKind.Analog, "adc", "access"), 0, 1000);
        ledger.AddPoweredTime(ActivityScope.Mvmu, TileKind.Analog, 2_000_000);   // 2 µs of MVMU-time
        ledger.AddPoweredTime(ActivityScope.Tile, TileKind.Analog, 1_000_000);   // 1 µs of tile-time
        var m = new RunMeasurement(
            Arch(), Workload(), PartitionSpec.Freeze(1), [], ledger, 1000, 42, 0.5, 1, 3.0,
            ImmutableSortedDictionary<string, double>.Empty, ImmutableSortedDictionary<string, double>.Empty.Add("noc_packets", 7));

        var r = ReportBuilder.Build(m);

        // ADC: 2 per MVMU × 0.2 mW × 2 µs = 800 pJ; eDRAM: 0.46 mW × 1 µs = 460 pJ.
        Assert.Equal(["analog.adc", "analog.edram"], r.LeakageByComponentPj.Keys);
        Assert.Equal(800, r.LeakageByComponentPj["analog.adc"], 1e-6);
        Assert.Equal(460, r.LeakageByComponentPj["analog.edram"], 1e-6);
        Assert.Equal(r.LeakageEnergyPj, r.LeakageByComponentPj.Values.Sum(), 1e-9);
        Assert.Equal(1800, r.EnergyByComponentPj["analog.adc"], 1e-9);
        Assert.DoesNotContain(r.Extra.Keys, k => k.Contains("leakage", StringComparison.Ordinal));
        Assert.Equal(7, r.Extra["noc_packets"]);
    }

    [Fact]
    public void Sram_utilization_is_sram_weights_over_the_capacity_of_the_macros_counted()
    {
        var ledger = new ActivityLedger(1, Arch().CyclePicoseconds) { EndPicoseconds = 1000 };
        MappedMatrix[] matrices =
        [
            new(0, "fc1", TileKind.Analog, 4, 4, 1, 1),
            new(0, "fc1.A", TileKind.Digital, 4, 1, 1, 1),
            new(0, "fc1.B", TileKind.Digital, 1, 4, 1, 1),
        ];
        var m = new RunMeasurement(
            Arch(), Workload(), PartitionSpec.Rank(1), [.. matrices], ledger, 1, 1, 0, 1, 1.0,
            ImmutableSortedDictionary<string, double>.Empty, ImmutableSortedDictionary<string, double>.Empty)
        {
            SramCapacityWeights = 16,
            ClampedLayers = ["fc1"],
        };

        var r = ReportBuilder.Build(m);

        // 4 + 4 SRAM weights in one 4 x 4 macro.
        Assert.Equal(0.5, r.SramUtilization);
        Assert.Equal("fc1", Assert.Single(r.Partition.ClampedLayers));
        Assert.Equal(0, ReportBuilder.SramUtilization([.. matrices], 0));
    }

    private sealed record PartitionReportShape(string Kind, int Value);
}
