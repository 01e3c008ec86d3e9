using HybridSim.Metrics.Reports;

namespace HybridSim.Sweeps.Tests;

public sealed class SweepTableTests
{
    private static SweepTableResult Build(SweepPlan plan, FakeSimulator simulator, Func<SweepPoint, bool>? missing = null)
    {
        var reports = plan.Points.Where(p => missing is null || !missing(p)).ToDictionary(p => p.Key, simulator.Run);
        return SweepTable.Build(plan, k => reports.GetValueOrDefault(k));
    }

    private static double Cell(CsvTable table, int row, string column)
    {
        Assert.True(CsvTable.TryParseNumber(table.Rows[row][table.ColumnIndex(column)], out var value), $"{column} is empty");
        return value;
    }

    [Fact]
    public void Header_has_the_contract_columns_in_order_with_the_swept_key_after_workload()
    {
        var simulator = new FakeSimulator();
        var result = Build(SweepDefinition.Freeze(["a.yaml"], "w", [], 0, 2).Expand(simulator.Backend()), simulator);

        Assert.Equal(
            "architecture,workload,freeze,cycles,latency_ns,dynamic_energy_pj,leakage_energy_pj,total_energy_pj,area_mm2,anl_ms_mm2,energy_improvement,anl_improvement,sram_weight_fraction,total_energy_improvement,sram_utilization,clock_hz,events,energy_analog.adc_pj,energy_digital.mvmu_pj,energy_noc.router_pj,leakage_analog.adc_pj,leakage_digital.edram_pj,leakage_noc.router_pj,area_tiles_mm2,energy_per_inference_pj,key",
            CsvTable.FormatRow(result.Table.Header));
    }

    [Fact]
    public void Leakage_by_component_has_flat_columns_beside_the_dynamic_ones()
    {
        var simulator = new FakeSimulator();
        var table = Build(SweepDefinition.Freeze(["a.yaml"], "w", [], 4, 4).Expand(simulator.Backend()), simulator).Table;

        Assert.Equal(3, Cell(table, 0, "leakage_digital.edram_pj"));
        Assert.Equal(Cell(table, 0, "leakage_energy_pj"), Cell(table, 0, "leakage_analog.adc_pj") + Cell(table, 0, "leakage_digital.edram_pj") + Cell(table, 0, "leakage_noc.router_pj"));
        Assert.Equal(
            [("analog.adc", "leakage_analog.adc_pj"), ("digital.edram", "leakage_digital.edram_pj"), ("noc.router", "leakage_noc.router_pj")],
            SweepTable.ComponentColumns(table, SweepTable.LeakageComponentPrefix).AsEnumerable());
        // energy_per_inference_pj looks like a component column but names no component (no level).
        Assert.Equal(["analog.adc", "digital.mvmu", "noc.router"], SweepTable.ComponentColumns(table, SweepTable.EnergyComponentPrefix).Select(c => c.Component));
        Assert.Equal(1005 - 0.16 * 1000, Cell(table, 0, "energy_per_inference_pj"), 9);
    }

    [Fact]
    public void Improvements_are_baseline_over_point_for_dynamic_energy_and_anl()
    {
        var simulator = new FakeSimulator();
        var result = Build(SweepDefinition.Freeze(["a.yaml"], "w", [], 5, 10).Expand(simulator.Backend()), simulator);

        // x=5: E = 1000·0.8 = 800 pJ, baseline 1000 pJ → 1.25; ANL = 550 ns · 2.5 mm² vs 500 ns · 2 mm² → 1000/1375
        Assert.Equal(6, result.Table.Rows.Length);
        Assert.Equal("5", result.Table.Rows[0][2]);
        Assert.Equal(1.25, Cell(result.Table, 0, "energy_improvement"), 12);
        Assert.Equal(1000.0 / 1375.0, Cell(result.Table, 0, "anl_improvement"), 12);
        // x=10: E = 600 pJ → 5/3
        Assert.Equal(1000.0 / 600.0, Cell(result.Table, 5, "energy_improvement"), 12);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Total_energy_improvement_counts_the_leakage()
    {
        var simulator = new FakeSimulator();
        var result = Build(SweepDefinition.Freeze(["a.yaml"], "w", [], 5, 10).Expand(simulator.Backend()), simulator);

        // the fake's leakage is 5 pJ at every point: x=5 total 805 pJ against the baseline's 1005 pJ
        Assert.Equal(1005.0 / 805.0, Cell(result.Table, 0, "total_energy_improvement"), 12);
        // x=10: 605 pJ
        Assert.Equal(1005.0 / 605.0, Cell(result.Table, 5, "total_energy_improvement"), 12);
        Assert.NotEqual(Cell(result.Table, 5, "energy_improvement"), Cell(result.Table, 5, "total_energy_improvement"));
    }

    [Fact]
    public void Improvements_use_the_baseline_with_the_same_overrides()
    {
        var simulator = new FakeSimulator();
        var plan = SweepDefinition.Grid(["a.yaml"], "w", [], [SweepVariable.Parse("scale=1,2"), SweepVariable.Parse("freeze=5")], null).Expand(simulator.Backend());

        var result = Build(plan, simulator);

        // scale cancels in the ratio only if the baseline has the same scale
        Assert.Equal(1.25, Cell(result.Table, 0, "energy_improvement"), 12);
        Assert.Equal(1.25, Cell(result.Table, 1, "energy_improvement"), 12);
        Assert.Equal(1600.0, Cell(result.Table, 1, "dynamic_energy_pj"), 9);
    }

    [Fact]
    public void Without_a_baseline_the_improvements_are_empty_and_a_note_says_why()
    {
        var simulator = new FakeSimulator();
        var plan = SweepDefinition.Freeze(["puma.yaml"], "w", [], 3, 4).Expand(simulator.Backend());

        var result = Build(plan, simulator, missing: p => p.Partition!.Value == 0);

        Assert.Equal("", result.Table.Rows[0][result.Table.ColumnIndex("energy_improvement")]);
        Assert.Contains(result.Notes, n => n.Contains("no all-SRAM baseline for puma.yaml", StringComparison.Ordinal));
        Assert.Empty(result.MissingRows);
    }

    [Fact]
    public void Rank_tables_add_overheads_against_rank_zero()
    {
        var simulator = new FakeSimulator();
        var result = Build(SweepDefinition.Rank(["l.yaml"], "w", [], [4, 16]).Expand(simulator.Backend()), simulator);

        // r=16: E = 500·2 = 1000 vs 500 → +100%; latency 416 vs 400 → +4%; area 3·1.5 vs 3 → +50%
        Assert.Equal(1.0, Cell(result.Table, 1, "energy_overhead"), 12);
        Assert.Equal(0.04, Cell(result.Table, 1, "latency_overhead"), 12);
        Assert.Equal(0.5, Cell(result.Table, 1, "area_overhead"), 12);
        // energy improvement against the all-SRAM freeze-0 (1000 pJ) still reported: 1000/1000
        Assert.Equal(1.0, Cell(result.Table, 1, "energy_improvement"), 12);
        Assert.Equal(16.0 / 32.0, Cell(result.Table, 1, "sram_weight_fraction"), 12);
        Assert.Equal(4.0 / 32.0, Cell(result.Table, 0, "sram_utilization"), 12);
        Assert.Equal(16.0 / 32.0, Cell(result.Table, 1, "sram_utilization"), 12);
        // Rank 16 clamps the fc, and the table's notes say so; rank 4 clamps nothing.
        Assert.Contains(result.Notes, n => n.Contains("rank 16", StringComparison.Ordinal) && n.Contains("fc", StringComparison.Ordinal) && n.Contains("clamped_layers", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Notes, n => n.Contains("rank 4:", StringComparison.Ordinal));
    }

    [Fact]
    public void Failed_rows_are_left_out_and_listed_as_missing()
    {
        var simulator = new FakeSimulator();
        var plan = SweepDefinition.Freeze(["a.yaml"], "w", [], 0, 3).Expand(simulator.Backend());

        var result = Build(plan, simulator, missing: p => p.Partition!.Value == 2);

        Assert.Equal(["0", "1", "3"], result.Table.Column("freeze").AsEnumerable());
        Assert.Equal(plan.Points[2].Key, Assert.Single(result.MissingRows).Key);
    }
}
