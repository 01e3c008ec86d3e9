using System.Collections.Immutable;

namespace HybridSim.Plotting.Tests;

public sealed class ChartGoldenTests
{
    private static LineChart FreezeChart() => new(
        "Energy improvement vs frozen layers",
        new Axis("frozen layers x (RRAM)"),
        new Axis("energy improvement (×)", IncludeZero: true),
        [
            new LineSeries("hyperx-128-16b", [0, 5, 10, 15, 20], [1, 1.8, 3.1, 4.9, 7.25]),
            new LineSeries("hyperx-64-8b", [0, 5, 10, 15, 20], [1, 1.5, double.NaN, 3.2, 4.1]),
        ],
        ReferenceY: 1);

    [Fact]
    public void Line_chart_matches_its_golden_svg()
    {
        GoldenFile.AssertMatches("line.svg", FreezeChart().ToSvg());
    }

    [Fact]
    public void Log2_line_chart_leaves_out_rank_zero_and_matches_its_golden_svg()
    {
        var chart = new LineChart(
            "Area overhead vs rank",
            new Axis("rank r", AxisScale.Log2),
            new Axis("area overhead (%)", IncludeZero: true),
            [new LineSeries("lobranch-3d", [0, 1, 2, 4, 8, 16], [0, 0.5, 1.1, 2.3, 4.8, 9.9])]);

        var svg = chart.ToSvg();

        // five visible points (rank 0 cannot sit on a log axis) plus the legend marker
        Assert.Equal(6, CountOf(svg, "<circle"));
        GoldenFile.AssertMatches("line-log2.svg", svg);
    }

    [Fact]
    public void Stacked_bar_chart_matches_its_golden_svg()
    {
        var chart = new BarChart(
            "Dynamic energy by component",
            "frozen layers x",
            ["0", "1", "2", "3"],
            new Axis("dynamic energy (µJ)"),
            [new BarSeries("adc", [0, 3, 6, 9]), new BarSeries("digital_mac", [12, 9, 6, 3]), new BarSeries("noc", [1, 1.5, 2, 2.5])],
            BarMode.Stacked);

        GoldenFile.AssertMatches("bar-stacked.svg", chart.ToSvg());
    }

    [Fact]
    public void Figure_with_one_shared_legend_matches_its_golden_svg()
    {
        BarChart Panel(string title, double scale) => new(
            title,
            "frozen layers x",
            ["0", "1", "2"],
            new Axis("dynamic energy (µJ)"),
            [new BarSeries("analog", [0, 3 * scale, 6 * scale]) { Color = "#0072B2" }, new BarSeries("digital", [9 * scale, 6 * scale, 3 * scale]) { Color = "#56B4E9" }],
            BarMode.Stacked) { ShowLegend = false };
        var figure = new Figure("Energy by group", [Panel("a", 1), Panel("b", 2)], 2, 400, 300)
        {
            Legend = [new LegendItem("analog", "#0072B2"), new LegendItem("digital", "#56B4E9")],
        };

        var svg = figure.ToSvg();

        Assert.Equal(1, CountOf(svg, ">analog</text>"));
        Assert.Equal(1, CountOf(svg, ">digital</text>"));
        Assert.Contains("fill=\"#56B4E9\"><title>0: digital 9</title>", svg, StringComparison.Ordinal);
        GoldenFile.AssertMatches("figure-shared-legend.svg", svg);
    }

    [Fact]
    public void A_shared_legend_wraps_into_rows_that_fit_the_width_without_overlap()
    {
        var items = Enumerable.Range(0, 9).Select(i => new LegendItem(new string('m', 10 + 3 * i), "#000000")).ToImmutableArray();

        var placed = Figure.LegendLayout(items, 500);

        Assert.Equal(items.AsEnumerable(), placed.Select(p => p.Item));
        Assert.True(placed.Max(p => p.Row) >= 2);
        foreach (var row in placed.GroupBy(p => p.Row))
        {
            var entries = row.OrderBy(p => p.X).ToList();
            Assert.True(entries[0].X >= 0);
            Assert.True(entries[^1].X + 18 + entries[^1].Item.Name.Length * 13 * 0.58 <= 500, $"row {row.Key} runs past the figure");
            for (var i = 1; i < entries.Count; i++)
            {
                Assert.True(entries[i - 1].X + 18 + entries[i - 1].Item.Name.Length * 13 * 0.58 < entries[i].X, $"row {row.Key}: entries {i - 1} and {i} overlap");
            }
        }
    }

    [Fact]
    public void Grouped_bar_chart_with_a_negative_value_matches_its_golden_svg()
    {
        var chart = new BarChart(
            "Latency change",
            "architecture",
            ["a<b", "c&d"],
            new Axis("latency change (%)"),
            [new BarSeries("r=1", [-2, 3]), new BarSeries("r=4", [1, 5])],
            BarMode.Grouped);

        var svg = chart.ToSvg();

        Assert.Contains("a&lt;b", svg, StringComparison.Ordinal);
        Assert.Contains("c&amp;d", svg, StringComparison.Ordinal);
        GoldenFile.AssertMatches("bar-grouped.svg", svg);
    }

    [Fact]
    public void Heat_map_matches_its_golden_svg()
    {
        var chart = new HeatMap(
            "ANL improvement",
            "xbar_size",
            ["64", "128"],
            "adc_bits",
            ["6", "7", "8"],
            [[1.2, 1.9], [1.1, 1.7], [0.9, double.NaN]],
            "ANL improvement (×)");

        GoldenFile.AssertMatches("heatmap.svg", chart.ToSvg());
    }

    [Fact]
    public void Two_panel_figure_matches_its_golden_svg()
    {
        var figure = new Figure("ResNet-20 freeze-x", [FreezeChart(), FreezeChart() with { Title = "ANL improvement" }], Columns: 1, PanelWidth: 800, PanelHeight: 420);

        GoldenFile.AssertMatches("figure-two-panels.svg", figure.ToSvg());
    }

    private static LineChart AccuracyChart() => new(
        "Accuracy vs frozen layers",
        new Axis("frozen layers x"),
        new Axis("accuracy (%)"),
        [
            new LineSeries("after recovery", [0, 4, 8], [91.5, 90.8, 88.2]) { YError = [0.2, 0.5, double.NaN], Color = Palette.Series[0], Marker = MarkerShape.Circle },
            new LineSeries("before recovery", [0, 4, 8], [91.5, 80.1, 62.4]) { YError = [0.2, 1.5, 3], Color = Palette.Series[0], Marker = MarkerShape.Circle, Line = LineStyle.Dashed },
            new LineSeries("no branch", [0, 4, 8], [70, 70, 70]) { Line = LineStyle.Dotted, Marker = MarkerShape.None },
            new LineSeries("", [2, 6], [75, 85]) { Line = LineStyle.None, PointLabels = ["x=2", "x=6"], Marker = MarkerShape.Diamond },
            new LineSeries("chosen", [4], [90.8]) { Line = LineStyle.None, Marker = MarkerShape.Ring, Color = "#222222" },
        ]);

    [Fact]
    public void Error_bars_line_styles_point_labels_and_rings_match_their_golden_svg()
    {
        var svg = AccuracyChart().ToSvg();

        // error bars: two on the first series (NaN has none), three on the second, each a stem and two caps
        Assert.Equal(5 * 3, CountOf(svg, "stroke-width=\"1.2\"/>"));
        Assert.Contains("stroke-dasharray=\"6 4\"", svg, StringComparison.Ordinal);
        Assert.Contains("stroke-dasharray=\"2 3\"", svg, StringComparison.Ordinal);
        Assert.Contains(">x=6</text>", svg, StringComparison.Ordinal);
        Assert.Contains("fill=\"none\" stroke=\"#222222\" stroke-width=\"2\"><title>chosen (4, 90.8)</title>", svg, StringComparison.Ordinal);
        Assert.Contains("<title>before recovery (4, 80.1 ± 1.5)</title>", svg, StringComparison.Ordinal);
        GoldenFile.AssertMatches("line-accuracy.svg", svg);
    }

    [Fact]
    public void A_scatter_series_draws_markers_without_a_line()
    {
        var chart = new LineChart("t", new Axis("x"), new Axis("y"), [new LineSeries("s", [1, 2, 3], [3, 1, 2]) { Line = LineStyle.None }]);

        var svg = chart.ToSvg();

        Assert.Equal(0, CountOf(svg, "<polyline"));
        Assert.Equal(3 + 1, CountOf(svg, "<circle"));
    }

    [Fact]
    public void A_series_with_an_empty_name_has_no_legend_entry()
    {
        var chart = new LineChart("t", new Axis("x"), new Axis("y"), [new LineSeries("named", [1, 2], [1, 2]), new LineSeries("", [1, 2], [2, 1])]);

        var svg = chart.ToSvg();

        // legend swatches are the only <line> elements 2 px wide
        Assert.Equal(1, svg.Split('\n').Count(l => l.StartsWith("<line", StringComparison.Ordinal) && l.Contains("stroke-width=\"2\"", StringComparison.Ordinal)));
        Assert.Contains(">named</text>", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 1)]
    public void Aligned_columns_give_panels_with_different_legends_the_same_plot_width(bool align, int distinctRightEdges)
    {
        var shortLegend = new LineChart("short", new Axis("x"), new Axis("y"), [new LineSeries("a", [1, 2], [1, 2])]);
        var longLegend = shortLegend with { Series = [new LineSeries("a much longer series name", [1, 2], [1, 2])] };
        var figure = new Figure("", [shortLegend, longLegend], Columns: 1, AlignColumns: align);

        var svg = figure.ToSvg();

        // the bottom axis line of each plot (drawn in ink from the left margin) ends at the plot's right edge
        var rightEdges = System.Text.RegularExpressions.Regex.Matches(svg, "<line x1=\"78\" y1=\"([0-9.]+)\" x2=\"([0-9.]+)\" y2=\"\\1\" stroke=\"#222222\"")
            .Select(m => m.Groups[2].Value).ToList();
        Assert.Equal(2, rightEdges.Count);
        Assert.Equal(distinctRightEdges, rightEdges.Distinct().Count());
    }

    [Fact]
    public void Error_bars_of_the_wrong_length_are_refused()
    {
        var chart = new LineChart("t", new Axis("x"), new Axis("y"), [new LineSeries("s", [1, 2], [1, 2]) { YError = [0.1] }]);

        Assert.Throws<ArgumentException>(() => chart.ToSvg());
    }

    [Fact]
    public void The_same_chart_gives_the_same_bytes_twice()
    {
        Assert.Equal(FreezeChart().ToSvg(), FreezeChart().ToSvg());
    }

    [Fact]
    public void A_nan_point_breaks_the_line_instead_of_joining_across_it()
    {
        var svg = FreezeChart().ToSvg();

        // First series: one polyline of 5 points; second: two runs of 2 points around the NaN.
        Assert.Equal(3, CountOf(svg, "<polyline"));
    }

    [Fact]
    public void Every_series_gets_a_distinct_colour_and_legend_entry()
    {
        var svg = FreezeChart().ToSvg();

        Assert.Contains(Palette.Series[0], svg, StringComparison.Ordinal);
        Assert.Contains(Palette.Series[1], svg, StringComparison.Ordinal);
        Assert.Contains(">hyperx-64-8b</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_with_mismatched_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new LineSeries("s", [1, 2], [1]));
    }

    [Fact]
    public void A_stacked_bar_with_a_negative_value_is_refused()
    {
        var chart = new BarChart("t", "c", ["a"], new Axis("y"), [new BarSeries("s", [-1])], BarMode.Stacked);

        Assert.Throws<ArgumentException>(() => chart.ToSvg());
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
