using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Metrics.Reports;
using HybridSim.Plotting;

namespace HybridSim.Sweeps;

/// <summary>The main figure of each study: freeze-x and rank curves (cost with accuracy beside it) and grid heat maps.</summary>
public static partial class SweepFigures
{
    private static Figure Freeze(CsvTable table, string workload)
    {
        var groups = Groups(table, []);
        var x = new Axis("frozen layers x (layers 1..x on RRAM, the rest on SRAM)");
        var hasImprovement = HasNumbers(table, "energy_improvement");
        ImmutableArray<Chart> panels = hasImprovement
            ?
            [
                new LineChart("Energy improvement over all-SRAM (freeze-0)", x, new Axis("energy improvement (×, dynamic)", IncludeZero: true), Lines(table, groups, SweepDefinition.FreezeKey, "energy_improvement", 1), ReferenceY: 1),
                new LineChart("ANL improvement over all-SRAM (freeze-0)", x, new Axis("ANL improvement (×)", IncludeZero: true), Lines(table, groups, SweepDefinition.FreezeKey, "anl_improvement", 1), ReferenceY: 1),
            ]
            :
            [
                new LineChart("Dynamic energy (no all-SRAM baseline)", x, new Axis("dynamic energy (pJ)", IncludeZero: true), Lines(table, groups, SweepDefinition.FreezeKey, "dynamic_energy_pj", 1)),
                new LineChart("Area-normalized latency (no all-SRAM baseline)", x, new Axis("ANL (ms·mm²)", IncludeZero: true), Lines(table, groups, SweepDefinition.FreezeKey, "anl_ms_mm2", 1)),
            ];
        if (HasAccuracy(table))
        {
            panels = panels.Add(FreezeAccuracy(table, groups, x));
        }

        return new Figure($"{workload}: freeze-x trade-off", panels, 1, Wide, 420, AlignColumns: true);
    }

    /// <summary>Accuracy against x: after recovery solid, before recovery dashed (where it differs), error bars from the std columns.</summary>
    private static LineChart FreezeAccuracy(CsvTable table, List<(string Name, List<ImmutableArray<string>> Rows)> groups, Axis x)
    {
        var series = new List<LineSeries>();
        for (var i = 0; i < groups.Count; i++)
        {
            var rows = groups[i].Rows;
            var before = rows.Any(r => double.IsFinite(Number(table, r, BeforeRecovery)) && Number(table, r, BeforeRecovery) != Number(table, r, Accuracy));
            var prefix = groups.Count > 1 ? groups[i].Name + ", " : "";
            series.Add(AccuracySeries(table, rows, SweepDefinition.FreezeKey, Accuracy, before ? prefix + "after recovery" : groups[i].Name, i, LineStyle.Solid));
            if (before)
            {
                series.Add(AccuracySeries(table, rows, SweepDefinition.FreezeKey, BeforeRecovery, prefix + "before recovery", i, LineStyle.Dashed));
            }
        }

        if (ChosenSeries(table, SweepDefinition.FreezeKey) is LineSeries chosen)
        {
            series.Add(chosen);
        }

        return new LineChart(AccuracyTitle, x, new Axis("accuracy (%)"), [.. series]);
    }

    private static Figure Rank(CsvTable table, string workload)
    {
        var groups = Groups(table, []);
        var x = new Axis("LoBranch rank r (log2; rank 0 = no branch is the reference)", AxisScale.Log2);
        Chart Panel(string title, string column, string label) =>
            new LineChart(title, x, new Axis(label, IncludeZero: true), Lines(table, groups, SweepDefinition.RankKey, column, 100));
        ImmutableArray<Chart> panels =
        [
            Panel("SRAM weight fraction", "sram_weight_fraction", "SRAM weights / all weights (%)"),
            Panel("Energy overhead vs rank 0", "energy_overhead", "dynamic energy overhead (%)"),
            Panel("Latency overhead vs rank 0", "latency_overhead", "latency overhead (%)"),
            Panel("Area overhead vs rank 0", "area_overhead", "area overhead (%)"),
        ];
        if (!HasAccuracy(table))
        {
            return new Figure($"{workload}: LoBranch rank trade-off", panels, 2, 620, 400);
        }

        // Wider panels: the accuracy panel's legend (three series and the chosen ring) would leave a narrow plot.
        return new Figure($"{workload}: LoBranch rank trade-off", panels.Add(RankAccuracy(table, groups, x)), 2, 720, 400);
    }

    /// <summary>
    /// Accuracy against rank: no branch (plain W on the chip) dotted, after Algorithm 1 dashed, after Algorithms 1+2
    /// solid, each only where the table has it; rank 0 is left out of the log2 axis like in the other panels.
    /// </summary>
    private static LineChart RankAccuracy(CsvTable table, List<(string Name, List<ImmutableArray<string>> Rows)> groups, Axis x)
    {
        var series = new List<LineSeries>();
        for (var i = 0; i < groups.Count; i++)
        {
            var rows = groups[i].Rows;
            var prefix = groups.Count > 1 ? groups[i].Name + ", " : "";
            foreach (var (column, name, line) in new[]
            {
                (BeforeRecovery, "no branch", LineStyle.Dotted),
                (AfterAlgorithm1, "Algorithm 1", LineStyle.Dashed),
                (Accuracy, "Algorithms 1+2", LineStyle.Solid),
            })
            {
                if (rows.Any(r => double.IsFinite(Number(table, r, column))))
                {
                    series.Add(AccuracySeries(table, rows, SweepDefinition.RankKey, column, prefix + name, i, line));
                }
            }
        }

        if (ChosenSeries(table, SweepDefinition.RankKey) is LineSeries chosen)
        {
            series.Add(chosen);
        }

        return new LineChart(AccuracyTitle, x, new Axis("accuracy (%)"), [.. series]);
    }

    private static Figure Grid(CsvTable table, ImmutableArray<string> keys, string workload)
    {
        var improvement = HasNumbers(table, "energy_improvement");
        var (first, second) = improvement
            ? (("energy_improvement", "energy improvement (×)"), ("anl_improvement", "ANL improvement (×)"))
            : (("dynamic_energy_pj", "dynamic energy (pJ)"), ("latency_ns", "latency (ns)"));
        var architectures = table.Column("architecture").Distinct().Count();
        if (keys.Length == 2 && architectures == 1)
        {
            var xValues = Distinct(table.Column(keys[1]));
            var yValues = Distinct(table.Column(keys[0]));
            HeatMap Map((string Column, string Label) metric) => new(
                metric.Label, keys[1], xValues, keys[0], yValues,
                yValues.Select(yv => xValues.Select(xv =>
                {
                    var row = table.Rows.FirstOrDefault(r => r[table.ColumnIndex(keys[0])] == yv && r[table.ColumnIndex(keys[1])] == xv);
                    return row.IsDefault ? double.NaN : Number(table, row, metric.Column);
                }).ToImmutableArray()).ToImmutableArray(),
                metric.Label);
            return new Figure($"{workload}: {keys[0]} × {keys[1]}", [Map(first), Map(second)], 1, Wide, 440);
        }

        var x = keys[0];
        var groups = Groups(table, keys[1..]);
        if (table.Column(x).All(v => CsvTable.TryParseNumber(v, out var d) && double.IsFinite(d)))
        {
            var scale = x == SweepDefinition.RankKey && table.Column(x).All(v => double.Parse(v, CultureInfo.InvariantCulture) > 0) ? AxisScale.Log2 : AxisScale.Linear;
            var axis = new Axis(x, scale);
            return new Figure($"{workload}: sweep over {string.Join(", ", keys)}",
            [
                new LineChart(first.Item2, axis, new Axis(first.Item2, IncludeZero: true), Lines(table, groups, x, first.Item1, 1), improvement ? 1 : null),
                new LineChart(second.Item2, axis, new Axis(second.Item2, IncludeZero: true), Lines(table, groups, x, second.Item1, 1), improvement ? 1 : null),
            ], 1, Wide, 420);
        }

        var categories = Distinct(table.Column(x));
        BarChart Bars((string Column, string Label) metric) => new(
            metric.Label, x, categories, new Axis(metric.Label),
            groups.Select(g => new BarSeries(g.Name, categories.Select(c =>
            {
                var row = g.Rows.FirstOrDefault(r => r[table.ColumnIndex(x)] == c);
                return row.IsDefault ? double.NaN : Number(table, row, metric.Column);
            }).ToImmutableArray())).ToImmutableArray(),
            BarMode.Grouped);
        return new Figure($"{workload}: sweep over {string.Join(", ", keys)}", [Bars(first), Bars(second)], 1, Wide, 420);
    }
}
