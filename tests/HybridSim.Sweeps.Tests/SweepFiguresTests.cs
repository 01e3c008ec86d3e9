using System.Collections.Immutable;
using System.Text.RegularExpressions;
using HybridSim.Metrics.Reports;
using HybridSim.Plotting;
using HybridSim.Specs.Validation;

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
    public void Energy_breakdown_with_leakage_panels_matches_its_golden_svg()
    {
        var table = Table(SweepDefinition.Freeze(["hyperx-128-16b.yaml", "hyperx-64-8b.yaml"], "resnet20-cifar", [], 0, 20));

        GoldenFile.AssertMatches("breakdown-leakage.svg", SweepFigures.Breakdown(table, leakage: true).ToSvg());
    }

    [Fact]
    public void Breakdown_bars_stack_the_dynamic_energy_only()
    {
        var table = Table(SweepDefinition.Freeze(["hyperx-128-16b.yaml"], "w", [], 0, 4));

        var figure = SweepFigures.Breakdown(table);

        // freeze-x: dynamic 1000·(1 − 0.04x) pJ, drawn in nJ; leakage (5 pJ) and energy_per_inference_pj (dynamic + 5) are not stacked.
        var panel = Assert.IsType<BarChart>(Assert.Single(figure.Panels));
        Assert.Equal("dynamic energy (nJ)", panel.YAxis.Label);
        Assert.Equal("w: dynamic energy by component group", figure.Title);
        for (var x = 0; x <= 4; x++)
        {
            Assert.Equal(1 - 0.04 * x, panel.Series.Sum(s => s.Values[x]), 12);
        }

        // analog.adc 5x pJ, noc.router 10 pJ, digital.mvmu the rest, each in its group.
        Assert.Equal([ComponentGroups.All[0].Label, ComponentGroups.All[1].Label, ComponentGroups.All[5].Label], panel.Series.Select(s => s.Name));
        Assert.Equal(0.02, panel.Series[0].Values[4], 12);
        Assert.Equal(0.01, panel.Series[2].Values[4], 12);
    }

    [Fact]
    public void Breakdown_has_one_legend_of_at_most_eight_colours()
    {
        var table = Table(SweepDefinition.Freeze(["hyperx-128-16b.yaml", "hyperx-64-8b.yaml"], "resnet20-cifar", [], 0, 20));

        var figure = SweepFigures.Breakdown(table, leakage: true);
        var svg = figure.ToSvg();

        Assert.All(figure.Panels, p => Assert.False(p.ShowLegend));
        Assert.Equal(4, figure.Panels.Length);
        Assert.Equal(4, figure.Legend.Length);
        foreach (var item in figure.Legend)
        {
            // Once as a legend label (bar tooltips are <title> elements, not <text>).
            Assert.Single(Regex.Matches(svg, ">" + Regex.Escape(item.Name.Replace("&", "&amp;", StringComparison.Ordinal)) + "</text>"));
        }

        var fills = Regex.Matches(svg, "<rect [^>]*fill=\"(#[0-9A-Fa-f]{6})\"").Select(m => m.Groups[1].Value).Where(f => f != "#FFFFFF").Distinct().ToList();
        Assert.InRange(fills.Count, 1, 8);
    }

    [Fact]
    public void Leakage_panels_stack_the_leakage_by_group_beside_the_dynamic_ones()
    {
        var table = Table(SweepDefinition.Freeze(["a.yaml"], "w", [], 0, 2));

        var figure = SweepFigures.Breakdown(table, leakage: true);

        Assert.Equal("w: dynamic and leakage energy by component group", figure.Title);
        var leakage = Assert.IsType<BarChart>(figure.Panels[1]);
        Assert.Equal("a: leakage", leakage.Title);
        Assert.Equal("leakage energy (pJ)", leakage.YAxis.Label);
        // analog.adc 1 pJ, digital.edram 3 pJ (memories), noc.router 1 pJ; no digital MVMU leakage.
        Assert.Equal([1.0, 0, 3, 1], leakage.Series.Select(s => s.Values[0]));
    }

    [Fact]
    public void A_leakage_panel_from_a_table_without_leakage_columns_is_refused()
    {
        var table = Table(SweepDefinition.Freeze(["a.yaml"], "w", [], 0, 2));
        var old = new CsvTable(
            [.. table.Header.Where(h => !h.StartsWith(SweepTable.LeakageComponentPrefix, StringComparison.Ordinal))],
            [.. table.Rows.Select(r => r.Where((_, i) => !table.Header[i].StartsWith(SweepTable.LeakageComponentPrefix, StringComparison.Ordinal)).ToImmutableArray())]);

        var error = Assert.Throws<SpecException>(() => SweepFigures.Breakdown(old, leakage: true));
        Assert.Contains("leakage_<component>_pj", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Single(SweepFigures.Breakdown(old).Panels);
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
