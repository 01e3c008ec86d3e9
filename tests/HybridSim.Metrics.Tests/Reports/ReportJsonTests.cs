using System.Collections.Immutable;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Validation;

namespace HybridSim.Metrics.Tests.Reports;

public sealed class ReportJsonTests
{
    internal static RunReport Sample(PartitionReport? partition = null) =>
        new(
            "hyperx-128-16b",
            "resnet20-cifar",
            partition ?? new PartitionReport("freeze", 13),
            123456,
            123456.0,
            1e9,
            0.1 + 0.2,
            1e-5,
            0.1 + 0.2 + 1e-5,
            12.5,
            1.54320987654321,
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, double> { ["noc"] = 2.5, ["adc"] = 1e20, ["dac"] = 3 }),
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, double> { ["crossbar"] = 0.25 }),
            [new LayerReport("conv1", "conv", "analog", 4, 1024, 0, 1800.5, 42)],
            0.375,
            new SimulatorReport(98765, 0.25))
        {
            Extra = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, double> { ["throughput_ips"] = 8100.25, ["analog_tiles"] = 3 }),
        };

    [Fact]
    public void Write_then_read_gives_back_an_equal_report_with_every_double_bit_exact()
    {
        var report = Sample();

        var back = ReportJson.Read(ReportJson.Write(report));

        Assert.Equal(report.Architecture, back.Architecture);
        Assert.Equal(report.Partition, back.Partition);
        Assert.Equal(report.DynamicEnergyPj, back.DynamicEnergyPj);
        Assert.Equal(report.TotalEnergyPj, back.TotalEnergyPj);
        Assert.Equal(report.AnlMsMm2, back.AnlMsMm2);
        Assert.Equal(report.EnergyByComponentPj, back.EnergyByComponentPj);
        Assert.Equal(report.AreaByComponentMm2, back.AreaByComponentMm2);
        Assert.Equal(report.Layers.AsEnumerable(), back.Layers.AsEnumerable());
        Assert.Equal(report.Simulator, back.Simulator);
        Assert.Equal(report.Extra, back.Extra);
        Assert.Equal(ReportJson.Write(report), ReportJson.Write(back));
    }

    [Fact]
    public void Partition_is_written_as_kind_and_x_for_freeze_and_kind_and_r_for_rank()
    {
        Assert.Contains("\"partition\": {\n    \"kind\": \"freeze\",\n    \"x\": 13\n  }", ReportJson.Write(Sample()), StringComparison.Ordinal);
        var rank = ReportJson.Write(Sample(new PartitionReport("rank", 4)));
        Assert.Contains("\"partition\": {\n    \"kind\": \"rank\",\n    \"r\": 4,\n    \"clamped_layers\": []\n  }", rank, StringComparison.Ordinal);
        Assert.Equal(new PartitionReport("rank", 4), ReportJson.Read(rank).Partition);
    }

    [Fact]
    public void A_rank_partition_lists_its_clamped_layers_and_reads_them_back()
    {
        var partition = new PartitionReport("rank", 16) { ClampedLayers = ["fc", "head"] };
        var json = ReportJson.Write(Sample(partition));

        Assert.Contains("\"clamped_layers\": [\n      \"fc\",\n      \"head\"\n    ]", json, StringComparison.Ordinal);
        Assert.Equal(partition, ReportJson.Read(json).Partition);
        Assert.NotEqual(new PartitionReport("rank", 16), ReportJson.Read(json).Partition);
    }

    [Fact]
    public void Sram_utilization_follows_sram_weight_fraction_and_reads_back()
    {
        var json = ReportJson.Write(Sample() with { SramUtilization = 0.625 });

        Assert.Contains("\"sram_utilization\": 0.625,\n  \"simulator\"", json, StringComparison.Ordinal);
        Assert.Equal(0.625, ReportJson.Read(json).SramUtilization);
        var missing = json.Replace("\"sram_utilization\": 0.625,\n", "", StringComparison.Ordinal);
        Assert.Contains("sram_utilization", Assert.Throws<SpecException>(() => ReportJson.Read(missing)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_come_in_contract_order_with_components_sorted_and_extras_last()
    {
        var json = ReportJson.Write(Sample());

        var positions = ReportJson.ContractFields.Select(f => json.IndexOf($"\"{f}\":", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.True(json.IndexOf("\"adc\"", StringComparison.Ordinal) < json.IndexOf("\"dac\"", StringComparison.Ordinal));
        Assert.True(json.IndexOf("\"dac\"", StringComparison.Ordinal) < json.IndexOf("\"noc\"", StringComparison.Ordinal));
        Assert.True(json.IndexOf("\"simulator\"", StringComparison.Ordinal) < json.IndexOf("\"analog_tiles\"", StringComparison.Ordinal));
        Assert.EndsWith("\n}\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Doubles_use_the_shortest_round_trip_form_in_invariant_culture()
    {
        var json = ReportJson.Write(Sample());

        Assert.Contains("\"dynamic_energy_pj\": 0.30000000000000004,", json, StringComparison.Ordinal);
        Assert.Contains("\"latency_ns\": 123456,", json, StringComparison.Ordinal);
        Assert.Contains("\"leakage_energy_pj\": 1E-05,", json, StringComparison.Ordinal);
        Assert.Contains("\"adc\": 1E+20,", json, StringComparison.Ordinal);
        Assert.Contains("\"clock_hz\": 1000000000,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_metric_is_refused_naming_the_field()
    {
        var report = Sample() with { AnlMsMm2 = double.NaN };

        var error = Assert.Throws<ArgumentException>(() => ReportJson.Write(report));
        Assert.Contains("anl_ms_mm2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extra_metric_may_not_shadow_a_contract_field()
    {
        var report = Sample() with { Extra = ImmutableSortedDictionary<string, double>.Empty.Add("cycles", 1) };

        Assert.Throws<ArgumentException>(() => ReportJson.Write(report));
    }

    [Fact]
    public void A_missing_field_is_reported_with_file_and_dotted_path()
    {
        var json = ReportJson.Write(Sample()).Replace("\"end_ns\"", "\"finish_ns\"", StringComparison.Ordinal);

        var error = Assert.Throws<SpecException>(() => ReportJson.Read(json, "points/a.json"));
        Assert.Equal("points/a.json", error.Errors[0].File);
        Assert.Equal("layers[0].end_ns", error.Errors[0].Path);
    }

    [Fact]
    public void A_mistyped_field_says_what_was_expected()
    {
        var json = ReportJson.Write(Sample()).Replace("\"cycles\": 123456", "\"cycles\": \"many\"", StringComparison.Ordinal);

        var error = Assert.Throws<SpecException>(() => ReportJson.Read(json, "r.json"));
        Assert.Equal("cycles", error.Errors[0].Path);
        Assert.Contains("expected a number, found a string", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_json_is_reported_with_a_line_number()
    {
        var json = ReportJson.Write(Sample());

        var error = Assert.Throws<SpecException>(() => ReportJson.Read(json[..(json.Length / 2)], "r.json"));
        Assert.True(error.Errors[0].Line > 1);
    }

    [Fact]
    public void Write_file_leaves_no_temporary_file_behind()
    {
        var dir = Directory.CreateTempSubdirectory("hybridsim-json-").FullName;
        try
        {
            var path = Path.Combine(dir, "report.json");
            ReportJson.WriteFile(path, Sample());
            ReportJson.WriteFile(path, Sample());

            Assert.Equal(["report.json"], Directory.GetFiles(dir).Select(Path.GetFileName));
            Assert.Equal(ReportJson.Write(Sample()), File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
