using System.Collections.Immutable;
using HybridSim.Metrics.Reports;

namespace HybridSim.Sweeps.Tests;

/// <summary>The accuracy panels of sweep.svg and the Pareto figure, drawn from small hand-written tables.</summary>
public sealed class AccuracyFiguresTests
{
    /// <summary>The header of a sweep table over <paramref name="key"/>, with <paramref name="overheads"/> (rank) before the accuracy columns.</summary>
    private static string Header(string key, string overheads) =>
        $"architecture,workload,{key},cycles,latency_ns,dynamic_energy_pj,total_energy_pj,area_mm2,anl_ms_mm2,energy_improvement,anl_improvement,sram_weight_fraction,{overheads}"
        + "accuracy,accuracy_std,accuracy_before_recovery,accuracy_before_recovery_std,accuracy_alg1,accuracy_alg1_std,float_accuracy,quantized_accuracy,chosen,key\n";

    /// <summary>
    /// Two architectures, x = 0, 2, 4, 6. b has no accuracy at x = 6, and at x = 2 recovers above its x = 0 accuracy
    /// with more energy improvement, so its x = 0 point is dominated in the energy panel. Chosen: a at x = 4, b at x = 2.
    /// </summary>
    public static CsvTable FreezeTable() => CsvTable.Parse(Header("freeze", "") + """
        a,resnet20-cifar,0,100,100,1000,1000,1,1,1,1,1,0.915,0.002,0.915,0.002,,,0.92,0.918,0,k0
        a,resnet20-cifar,2,100,100,1000,1000,1,1,1.4,0.93,0.9,0.912,0.003,0.88,0.01,,,0.92,0.918,0,k1
        a,resnet20-cifar,4,100,100,1000,1000,1,1,2.1,0.87,0.8,0.905,0.004,0.801,0.015,,,0.92,0.918,1,k2
        a,resnet20-cifar,6,100,100,1000,1000,1,1,3.2,0.81,0.7,0.871,0.006,0.702,0.03,,,0.92,0.918,0,k3
        b,resnet20-cifar,0,100,100,1000,1000,1,1,1,1,1,0.9,0.003,0.9,0.003,,,0.91,0.905,0,k4
        b,resnet20-cifar,2,100,100,1000,1000,1,1,1.3,0.95,0.9,0.901,0.003,0.85,0.012,,,0.91,0.905,1,k5
        b,resnet20-cifar,4,100,100,1000,1000,1,1,1.7,0.9,0.8,0.89,0.005,0.76,0.02,,,0.91,0.905,0,k6
        b,resnet20-cifar,6,100,100,1000,1000,1,1,2.4,0.86,0.7,,,,,,,0.91,0.905,0,k7

        """);

    /// <summary>One architecture, r = 0..16: no branch (plain W) flat at 62 %, Algorithm 1 and Algorithms 1+2 rising with rank; chosen r = 4.</summary>
    public static CsvTable RankTable() => CsvTable.Parse(Header("rank", "energy_overhead,latency_overhead,area_overhead,") + """
        lobranch-3d,resnet20-cifar,0,100,100,1000,1000,1,1,3,0.8,0.05,0,0,0,0.8,0.01,0.62,0.04,0.8,0.01,0.92,0.918,0,k0
        lobranch-3d,resnet20-cifar,1,100,100,1000,1000,1,1,2.9,0.79,0.06,0.03,0.002,0.02,0.87,0.006,0.62,0.04,0.84,0.01,0.92,0.918,0,k1
        lobranch-3d,resnet20-cifar,2,100,100,1000,1000,1,1,2.8,0.78,0.08,0.06,0.004,0.04,0.895,0.005,0.62,0.04,0.86,0.009,0.92,0.918,0,k2
        lobranch-3d,resnet20-cifar,4,100,100,1000,1000,1,1,2.6,0.76,0.12,0.12,0.008,0.08,0.905,0.004,0.62,0.04,0.87,0.008,0.92,0.918,1,k3
        lobranch-3d,resnet20-cifar,8,100,100,1000,1000,1,1,2.3,0.72,0.2,0.25,0.016,0.16,0.91,0.004,0.62,0.04,0.88,0.007,0.92,0.918,0,k4
        lobranch-3d,resnet20-cifar,16,100,100,1000,1000,1,1,1.9,0.66,0.33,0.5,0.032,0.32,0.912,0.003,0.62,0.04,0.885,0.006,0.92,0.918,0,k5

        """);

    [Fact]
    public void Freeze_figure_with_accuracy_adds_an_accuracy_panel_matching_its_golden_svg()
    {
        var svg = SweepFigures.Main(FreezeTable()).ToSvg();

        Assert.Contains(">Energy improvement over all-SRAM (freeze-0)</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Accuracy on the chip (mean ± std over chip instances)</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">a, after recovery</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">b, before recovery</text>", svg, StringComparison.Ordinal);
        Assert.Contains("<title>a, before recovery (4, 80.1 ± 1.5)</title>", svg, StringComparison.Ordinal);
        GoldenFile.AssertMatches("freeze-accuracy.svg", svg);
    }

    [Fact]
    public void Rank_figure_with_accuracy_draws_no_branch_algorithm_1_and_algorithms_1_and_2_matching_its_golden_svg()
    {
        var svg = SweepFigures.Main(RankTable()).ToSvg();

        Assert.Contains(">Area overhead vs rank 0</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">no branch</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Algorithm 1</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Algorithms 1+2</text>", svg, StringComparison.Ordinal);
        // rank 0 is left out of the log2 axis, as in the other panels
        Assert.DoesNotContain("<title>Algorithms 1+2 (0,", svg, StringComparison.Ordinal);
        Assert.Contains("<title>Algorithms 1+2 (1, 87 ± 0.6)</title>", svg, StringComparison.Ordinal);
        GoldenFile.AssertMatches("rank-accuracy.svg", svg);
    }

    [Fact]
    public void Pareto_figure_of_a_freeze_sweep_matches_its_golden_svg()
    {
        var svg = SweepFigures.Pareto(FreezeTable()).ToSvg();

        Assert.Contains(">Accuracy vs ANL improvement</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Accuracy vs energy improvement</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">x=4</text>", svg, StringComparison.Ordinal);
        // b at x = 6 has no accuracy: no label in either panel
        Assert.Equal(2 * 7, CountOf(svg, "font-size=\"11\">x="));
        GoldenFile.AssertMatches("pareto.svg", svg);
    }

    [Fact]
    public void Pareto_figure_of_a_rank_sweep_labels_points_with_their_rank_and_matches_its_golden_svg()
    {
        var svg = SweepFigures.Pareto(RankTable()).ToSvg();

        Assert.Contains(">r=0</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">r=16</text>", svg, StringComparison.Ordinal);
        GoldenFile.AssertMatches("pareto-rank.svg", svg);
    }

    [Fact]
    public void The_chosen_points_are_ringed_in_every_accuracy_and_pareto_panel_with_one_legend_entry_each()
    {
        var main = SweepFigures.Main(FreezeTable()).ToSvg();
        var pareto = SweepFigures.Pareto(FreezeTable()).ToSvg();
        var rank = SweepFigures.Main(RankTable()).ToSvg();

        // one panel × (two chosen rows + the legend swatch); two Pareto panels; rank: one chosen row + swatch
        Assert.Equal(3, CountOf(main, "fill=\"none\" stroke=\"#222222\""));
        Assert.Equal(6, CountOf(pareto, "fill=\"none\" stroke=\"#222222\""));
        Assert.Equal(2, CountOf(rank, "fill=\"none\" stroke=\"#222222\""));
        Assert.Equal(1, CountOf(main, ">chosen (max accuracy drop)</text>"));
        Assert.Equal(2, CountOf(pareto, ">chosen (max accuracy drop)</text>"));
        Assert.Contains("<title>chosen (max accuracy drop) (4, 90.5)</title>", main, StringComparison.Ordinal);
        Assert.Contains("<title>chosen (max accuracy drop) (0.95, 90.1)</title>", pareto, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_chosen_column_nothing_is_ringed()
    {
        var table = Without(FreezeTable(), "chosen");

        Assert.DoesNotContain("chosen", SweepFigures.Main(table).ToSvg(), StringComparison.Ordinal);
        Assert.DoesNotContain("chosen", SweepFigures.Pareto(table).ToSvg(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_pareto_line_of_each_architecture_joins_exactly_its_front_points()
    {
        var svg = SweepFigures.Pareto(FreezeTable()).ToSvg();

        // ANL panel: a's x = 0 (1, 91.5) dominates its other points, so a one-point front and no line; b's (0.9, 89) is
        // dominated by (0.95, 90.1). Energy panel: a's points are all on its front; b's (1, 90) is dominated by
        // (1.3, 90.1). b at x = 6 has no accuracy.
        var polylines = svg.Split('\n').Where(l => l.StartsWith("<polyline", StringComparison.Ordinal)).ToList();
        Assert.Equal([2, 4, 2], polylines.Select(l => l.Split("points=\"")[1].Split('"')[0].Split(' ').Length));
    }

    [Fact]
    public void Before_recovery_is_left_out_where_it_equals_the_accuracy()
    {
        var table = FreezeTable();
        var accuracy = table.ColumnIndex("accuracy");
        var before = table.ColumnIndex("accuracy_before_recovery");
        var same = table with { Rows = [.. table.Rows.Select(r => r.SetItem(before, r[accuracy]))] };

        var svg = SweepFigures.Main(same).ToSvg();

        Assert.DoesNotContain("before recovery", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("after recovery", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(svg.Split('\n'), l => l.StartsWith("<polyline", StringComparison.Ordinal) && l.Contains("stroke-dasharray", StringComparison.Ordinal));
    }

    [Fact]
    public void Tables_whose_accuracy_columns_are_empty_draw_what_tables_without_them_drew()
    {
        var table = FreezeTable();
        var columns = new[] { "accuracy", "accuracy_std", "accuracy_before_recovery", "accuracy_before_recovery_std", "accuracy_alg1", "accuracy_alg1_std", "float_accuracy", "quantized_accuracy" };
        var empty = table with { Rows = [.. table.Rows.Select(r => columns.Aggregate(r, (row, c) => row.SetItem(table.ColumnIndex(c), "")))] };
        var without = columns.Append("chosen").Aggregate(table, Without);

        Assert.False(SweepFigures.HasAccuracy(empty));
        Assert.False(SweepFigures.HasAccuracy(without));
        Assert.Equal(SweepFigures.Main(without).ToSvg(), SweepFigures.Main(empty).ToSvg());
        Assert.DoesNotContain("ccuracy", SweepFigures.Main(empty).ToSvg(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_with_accuracy_draws_the_same_figures_after_a_round_trip_through_csv()
    {
        var table = RankTable();

        var back = CsvTable.Parse(table.ToCsv());

        Assert.Equal(SweepFigures.Main(table).ToSvg(), SweepFigures.Main(back).ToSvg());
        Assert.Equal(SweepFigures.Pareto(table).ToSvg(), SweepFigures.Pareto(back).ToSvg());
    }

    private static CsvTable Without(CsvTable table, string column)
    {
        var index = table.ColumnIndex(column);
        return new CsvTable(table.Header.RemoveAt(index), [.. table.Rows.Select(r => r.RemoveAt(index))]);
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
