using System.Text.Json;
using HybridSim.Metrics.Reports;
using HybridSim.Sweeps.Accuracy;

namespace HybridSim.Sweeps.Tests;

public sealed class AccuracySweepTests
{
    private static SweepRunResult Run(SweepBackend backend, SweepPlan plan, string dir, ShardSpec? shard = null) =>
        new SweepRunner(backend, new ConsoleSweepProgress(new StringWriter(), live: false)).Run(plan, dir, shard ?? ShardSpec.All, 1);

    private static SweepTableResult Write(SweepPlan plan, string dir) => SweepOutput.Write(dir, plan, k => SweepRunner.TryReadPoint(dir, k));

    private static string Cell(CsvTable table, int row, string column) => table.Rows[row][table.ColumnIndex(column)];

    [Fact]
    public void Accuracy_columns_follow_the_cost_columns_in_contract_order()
    {
        using var dir = new TempDirectory();
        var simulator = new FakeSimulator();
        var backend = simulator.AccuracyBackend();
        var plan = SweepDefinition.Freeze(["a.yaml"], "w", [], 0, 3).Expand(backend);
        Run(backend, plan, dir.Path);

        var table = Write(plan, dir.Path).Table;

        Assert.Equal(
            "architecture,workload,freeze,cycles,latency_ns,dynamic_energy_pj,leakage_energy_pj,total_energy_pj,area_mm2,anl_ms_mm2,energy_improvement,anl_improvement,sram_weight_fraction,total_energy_improvement,sram_utilization,accuracy,accuracy_std,accuracy_before_recovery,accuracy_before_recovery_std,float_accuracy,quantized_accuracy,clock_hz,events,energy_analog.adc_pj,energy_digital.mvmu_pj,energy_noc.router_pj,leakage_analog.adc_pj,leakage_digital.edram_pj,leakage_noc.router_pj,area_tiles_mm2,energy_per_inference_pj,key",
            CsvTable.FormatRow(table.Header));
        // x = 2: 0.98 - 0.005·4 before, 0.98 - 0.002·4 after.
        Assert.Equal(0.96, double.Parse(Cell(table, 2, "accuracy_before_recovery"), System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal(0.972, double.Parse(Cell(table, 2, "accuracy"), System.Globalization.CultureInfo.InvariantCulture), 12);
    }

    [Fact]
    public void A_point_whose_accuracy_half_fails_keeps_no_file_and_is_computed_on_the_rerun()
    {
        using var dir = new TempDirectory();
        var failing = new FakeSimulator { FailAccuracyWhen = p => p.Partition?.Value == 2 };
        var plan = SweepDefinition.Freeze(["a.yaml"], "w", [], 0, 3).Expand(failing.AccuracyBackend());

        var first = Run(failing.AccuracyBackend(), plan, dir.Path);

        var failed = Assert.Single(first.Failures);
        Assert.Equal(2, failed.Point.Partition!.Value);
        Assert.Null(SweepRunner.TryReadPoint(dir.Path, failed.Point.Key));
        var again = new FakeSimulator();
        var second = Run(again.AccuracyBackend(), plan, dir.Path);
        Assert.Equal([failed.Point.Key], again.Ran);
        Assert.True(second.Succeeded);
        Assert.Equal(0.972, SweepRunner.TryReadPoint(dir.Path, failed.Point.Key)!.Extra["accuracy"], 12);
    }

    [Fact]
    public void Accuracy_points_have_their_own_keys_and_cost_only_keys_do_not_change()
    {
        var simulator = new FakeSimulator();
        var cost = SweepDefinition.Freeze(["a.yaml"], "w", [], 0, 2).Expand(simulator.Backend());
        var accuracy = SweepDefinition.Freeze(["a.yaml"], "w", [], 0, 2).Expand(simulator.AccuracyBackend());
        var otherWeights = SweepDefinition.Freeze(["a.yaml"], "w", [], 0, 2).Expand(simulator.AccuracyBackend() with { AccuracyFingerprint = "weights=other\n" });

        Assert.Empty(cost.Points.Select(p => p.Key).Intersect(accuracy.Points.Select(p => p.Key)));
        Assert.Empty(accuracy.Points.Select(p => p.Key).Intersect(otherWeights.Points.Select(p => p.Key)));
        Assert.Equal(PointKey.Compute(simulator.Backend(), "a.yaml", "w", Specs.Architecture.PartitionSpec.Freeze(1), []), cost.Points[1].Key);
    }

    [Fact]
    public void Freeze_operating_point_is_the_largest_x_within_the_drop_of_freeze_0()
    {
        using var dir = new TempDirectory();
        var backend = new FakeSimulator().AccuracyBackend();
        var plan = (SweepDefinition.Freeze(["a.yaml", "b.yaml"], "w", [], 0, 4) with { MaxAccuracyDrop = 1 }).Expand(backend);
        Run(backend, plan, dir.Path);

        var result = Write(plan, dir.Path);

        // After recovery: x=2 → 0.972 (drop 0.8 points), x=3 → 0.962 (1.8): x = 2 on both series.
        Assert.Equal(2, result.Choices.Length);
        Assert.All(result.Choices, c => Assert.Equal(2, c.Point!.Partition!.Value));
        Assert.Equal(["0", "0", "1", "0", "0", "0", "0", "1", "0", "0"], result.Table.Rows.Select(r => r[result.Table.ColumnIndex("chosen")]));
        using var choice = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "choice.json")));
        var first = choice.RootElement.GetProperty("choices")[0];
        Assert.Equal("a", first.GetProperty("architecture").GetString());
        Assert.Equal(0.98, first.GetProperty("reference_accuracy").GetDouble(), 12);
        Assert.Equal(2, first.GetProperty("point").GetProperty("freeze").GetInt32());
        Assert.Equal(0.972, first.GetProperty("point").GetProperty("accuracy").GetDouble(), 12);
        Assert.True(first.GetProperty("point").GetProperty("total_energy_pj").GetDouble() > 0);
    }

    [Fact]
    public void Rank_operating_point_is_the_smallest_rank_within_the_drop_of_the_variation_free_accuracy()
    {
        using var dir = new TempDirectory();
        var backend = new FakeSimulator().AccuracyBackend();
        var plan = (SweepDefinition.Rank(["a.yaml"], "w", [], [1, 2, 4, 8]) with { MaxAccuracyDrop = 0.5 }).Expand(backend);
        Run(backend, plan, dir.Path);

        var result = Write(plan, dir.Path);

        // 0.96 + 0.005r against 0.98: r = 4 reaches 0.98, r = 2 is 1 point short.
        Assert.Equal(4, Assert.Single(result.Choices).Point!.Partition!.Value);
        Assert.Equal(["0", "0", "1", "0"], result.Table.Rows.Select(r => r[result.Table.ColumnIndex("chosen")]));
    }

    [Fact]
    public void No_point_within_the_drop_is_said_and_written_as_null()
    {
        using var dir = new TempDirectory();
        var backend = new FakeSimulator().AccuracyBackend();
        var plan = (SweepDefinition.Rank(["a.yaml"], "w", [], [1, 2]) with { MaxAccuracyDrop = 0.1 }).Expand(backend);
        Run(backend, plan, dir.Path);

        var result = Write(plan, dir.Path);

        Assert.Null(Assert.Single(result.Choices).Point);
        Assert.Contains("no point within 0.1 points", Assert.Single(OperatingPoint.Describe(result.Choices, 0.1)), StringComparison.Ordinal);
        using var choice = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "choice.json")));
        Assert.Equal(JsonValueKind.Null, choice.RootElement.GetProperty("choices")[0].GetProperty("point").ValueKind);
    }

    [Fact]
    public void Shards_merge_into_the_unsharded_accuracy_table_with_its_choice()
    {
        using var dir = new TempDirectory();
        var backend = new FakeSimulator().AccuracyBackend();
        var plan = (SweepDefinition.Freeze(["a.yaml", "b.yaml"], "w", [], 0, 3) with { MaxAccuracyDrop = 1 }).Expand(backend);
        Run(backend, plan, dir.Sub("whole"));
        var whole = Write(plan, dir.Sub("whole"));
        for (var i = 0; i < 3; i++)
        {
            Run(backend, plan, dir.Sub($"shard{i}"), new ShardSpec(i, 3));
        }

        var merged = SweepMerge.Merge([dir.Sub("shard0"), dir.Sub("shard1"), dir.Sub("shard2")], dir.Sub("merged"));

        Assert.Empty(merged.MissingRows);
        Assert.Equal(whole.Table.ToCsv(), File.ReadAllText(Path.Combine(dir.Sub("merged"), "sweep.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(dir.Sub("whole"), "choice.json")), File.ReadAllText(Path.Combine(dir.Sub("merged"), "choice.json")));
    }
}
