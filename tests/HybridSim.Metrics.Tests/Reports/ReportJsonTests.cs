using System.Collections.Immutable;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Validation;
using HybridSim.Tests;

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
            LeakageByComponentPj = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, double> { ["analog.edram"] = 6e-6, ["analog.adc"] = 4e-6 }),
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
        Assert.Equal(report.LeakageByComponentPj, back.LeakageByComponentPj);
        Assert.Equal(report.Extra, back.Extra);
        Assert.Equal(ReportJson.Write(report), ReportJson.Write(back));
    }

    [Fact]
    public void The_layout_matches_its_golden_file()
    {
        GoldenFile.AssertMatches("report-layout.json", ReportJson.Write(Sample() with { Simulator = new SimulatorReport(98765, 0.25) { TraceSpans = 12, TraceDroppedSpans = 0 } }));
    }

    [Fact]
    public void Trace_counts_are_written_under_simulator_only_for_a_traced_run_and_read_back()
    {
        var untraced = Sample();
        var traced = Sample() with { Simulator = untraced.Simulator with { TraceSpans = 188481, TraceDroppedSpans = 7 } };

        var untracedJson = ReportJson.Write(untraced);
        var tracedJson = ReportJson.Write(traced);

        Assert.DoesNotContain("trace_", untracedJson, StringComparison.Ordinal);
        Assert.Contains("\"wall_seconds\": 0.25,\n    \"trace_spans\": 188481,\n    \"trace_dropped_spans\": 7\n  }\n}\n", tracedJson, StringComparison.Ordinal);
        Assert.Equal(traced.Simulator, ReportJson.Read(tracedJson).Simulator);
        Assert.Null(ReportJson.Read(untracedJson).Simulator.TraceSpans);
        // Everything before "simulator" is the same text.
        var at = untracedJson.IndexOf("\"simulator\"", StringComparison.Ordinal);
        Assert.Equal(untracedJson[..at], tracedJson[..at]);
    }

    [Fact]
    public void Leakage_and_statistics_are_objects_and_nothing_else_is_at_the_top_level()
    {
        using var document = System.Text.Json.JsonDocument.Parse(ReportJson.Write(Sample()));
        var root = document.RootElement;

        Assert.Equal(ReportJson.TopLevelFields.AsEnumerable(), root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(6e-6, root.GetProperty("leakage_by_component_pj").GetProperty("analog.edram").GetDouble());
        Assert.Equal(3, root.GetProperty("statistics").GetProperty("analog_tiles").GetDouble());
        Assert.Equal(["analog_tiles", "throughput_ips"], root.GetProperty("statistics").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void An_unknown_top_level_field_is_refused_naming_it()
    {
        // The layout before statistics were an object: a statistic at the top level.
        var json = ReportJson.Write(Sample()).Replace("\"statistics\": {", "\"noc_packets\": 12,\n  \"statistics\": {", StringComparison.Ordinal);

        var error = Assert.Throws<SpecException>(() => ReportJson.Read(json, "points/a.json"));
        Assert.Equal("noc_packets", error.Errors[0].Path);
        Assert.Contains("unknown top-level field", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("\"statistics\" object", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_without_the_leakage_object_is_refused()
    {
        var json = ReportJson.Write(Sample()).Replace("\"leakage_by_component_pj\"", "\"leakage_by_part_pj\"", StringComparison.Ordinal);

        var error = Assert.Throws<SpecException>(() => ReportJson.Read(json, "r.json"));
        Assert.Equal("leakage_by_part_pj", error.Errors[0].Path);
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

        Assert.Contains("\"sram_utilization\": 0.625,\n  \"statistics\"", json, StringComparison.Ordinal);
        Assert.Equal(0.625, ReportJson.Read(json).SramUtilization);
        var missing = json.Replace("\"sram_utilization\": 0.625,\n", "", StringComparison.Ordinal);
        Assert.Contains("sram_utilization", Assert.Throws<SpecException>(() => ReportJson.Read(missing)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_come_in_contract_order_with_components_sorted_and_simulator_last()
    {
        var json = ReportJson.Write(Sample());

        var positions = ReportJson.ContractFields.Select(f => json.IndexOf($"\"{f}\":", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.All(ReportJson.ContractFields, f => Assert.Contains(f, ReportJson.TopLevelFields));
        Assert.True(json.IndexOf("\"adc\"", StringComparison.Ordinal) < json.IndexOf("\"dac\"", StringComparison.Ordinal));
        Assert.True(json.IndexOf("\"dac\"", StringComparison.Ordinal) < json.IndexOf("\"noc\"", StringComparison.Ordinal));
        Assert.True(json.IndexOf("\"analog_tiles\"", StringComparison.Ordinal) < json.IndexOf("\"simulator\"", StringComparison.Ordinal));
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
    public void A_statistic_may_not_take_the_name_of_a_top_level_field()
    {
        var report = Sample() with { Extra = ImmutableSortedDictionary<string, double>.Empty.Add("cycles", 1) };

        var error = Assert.Throws<ArgumentException>(() => ReportJson.Write(report));
        Assert.Contains("statistic 'cycles'", error.Message, StringComparison.Ordinal);
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
