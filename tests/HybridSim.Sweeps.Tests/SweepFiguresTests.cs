using HybridSim.Metrics.Reports;

namespace HybridSim.Sweeps.Tests;

public sealed class SweepFiguresTests
{
    private static CsvTable Table(SweepDefinition definition)
    {
        var simulator = new FakeSimulator();
        var plan = definition.Expand(simulator.Backend());
        var reports = plan.Points.ToDictionary(p => p.Key, simulator.Run);
        return SweepTable.Build(plan, k => reports.GetValueOrDefault(k)).Table;
    }

    [Fact]
    public void Freeze_sweep_figure_matches_its_golden_svg()
    {
        var table = Table(SweepDefinition.Freeze(["hyperx-128-16b.yaml", "hyperx-64-8b.yaml"], "resnet20-cifar", [], 0, 20));

        var svg = SweepFigures.Main(table).ToSvg();

        Assert.Contains(">Energy improvement over all-SRAM (freeze-0)</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">hyperx-64-8b</text>", svg, StringComparison.Ordinal);
        GoldenFile.AssertMatches("freeze.svg", svg);
    }

    [Fact]
    public void Rank_sweep_figure_matches_its_golden_svg()
    {
        var svg = SweepFigures.Main(Table(SweepDefinition.Rank(["lobranch-3d.yaml"], "resnet20-cifar", [], [0, 1, 2, 4, 8, 16, 32]))).ToSvg();

        Assert.Contains(">Area overhead vs rank 0</text>", svg, StringComparison.Ordinal);
        GoldenFile.AssertMatches("rank.svg", svg);
    }

    [Fact]
    public void Grid_of_two_keys_on_one_architecture_is_a_heat_map_matching_its_golden_svg()
    {
        var table = Table(SweepDefinition.Grid(["hyperx-128-16b.yaml"], "resnet20-cifar", [], [SweepVariable.Parse("scale=1,2,4"), SweepVariable.Parse("freeze=0,5,10,15,20")], null));

        GoldenFile.AssertMatches("grid-heatmap.svg", SweepFigures.Main(table).ToSvg());
    }

    [Fact]
    public void Grid_of_one_numeric_key_is_a_line_chart_matching_its_golden_svg()
    {
        var table = Table(SweepDefinition.Grid(["a.yaml", "b.yaml"], "resnet20-cifar", [], [SweepVariable.Parse("freeze=0,4,8,12")], null));

        GoldenFile.AssertMatches("grid-lines.svg", SweepFigures.Main(table).ToSvg());
    }

    [Fact]
    public void Grid_of_a_non_numeric_key_is_a_grouped_bar_chart_matching_its_golden_svg()
    {
        var table = Table(SweepDefinition.Grid(["a.yaml"], "resnet20-cifar", [], [SweepVariable.Parse("cell=1bit,2bit,4bit")], null));

        GoldenFile.AssertMatches("grid-bars.svg", SweepFigures.Main(table).ToSvg());
    }

    [Fact]
    public void Energy_breakdown_matches_its_golden_svg()
    {
        var table = Table(SweepDefinition.Freeze(["hyperx-128-16b.yaml", "hyperx-64-8b.yaml"], "resnet20-cifar", [], 0, 20));

        GoldenFile.AssertMatches("breakdown.svg", SweepFigures.Breakdown(table).ToSvg());
    }

    [Fact]
    public void A_table_read_back_from_csv_draws_the_same_figure()
    {
        var table = Table(SweepDefinition.Freeze(["a.yaml"], "w", [], 0, 5));

        var back = CsvTable.Parse(table.ToCsv());

        Assert.Equal(SweepFigures.Main(table).ToSvg(), SweepFigures.Main(back).ToSvg());
    }

    [Fact]
    public void The_swept_keys_are_the_columns_between_workload_and_cycles()
    {
        var table = Table(SweepDefinition.Grid(["a.yaml"], "w", [], [SweepVariable.Parse("scale=1,2"), SweepVariable.Parse("adc=7")], null));

        Assert.Equal(["scale", "adc"], SweepFigures.SweptKeys(table).AsEnumerable());
    }
}
