using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Metrics.Reports;
using HybridSim.Plotting;

namespace HybridSim.Sweeps;

/// <summary>
/// The figures of a sweep, drawn from the table alone (so <c>hybridsim plot sweep.csv</c> redraws exactly what the
/// sweep wrote). The plot kind follows from the swept columns, which sit between <c>workload</c> and <c>cycles</c>:
/// <c>freeze</c> → energy and ANL improvement against x, one series per architecture; <c>rank</c> → SRAM fraction and
/// energy, latency and area overhead against rank on a log2 axis; anything else → a heat map for two keys on one
/// architecture, lines for a numeric first key, grouped bars otherwise. When the table has accuracy values, freeze and
/// rank figures gain an accuracy panel and <see cref="Pareto"/> draws accuracy against the improvements; a row with
/// <c>chosen</c> = 1 (the operating point picked under <c>--max-accuracy-drop</c>) is ringed in every accuracy panel.
/// </summary>
public static partial class SweepFigures
{
    private const int Wide = 800;

    /// <summary>Mean accuracy over chip instances (after recovery when recovery ran), in [0, 1]; empty when not computed.</summary>
    private const string Accuracy = Sweeps.Accuracy.AccuracyColumns.Accuracy;
    private const string BeforeRecovery = Sweeps.Accuracy.AccuracyColumns.BeforeRecovery;
    private const string AfterAlgorithm1 = Sweeps.Accuracy.AccuracyColumns.Algorithm1;
    private const string StdSuffix = "_std";
    private const string Chosen = Sweeps.Accuracy.AccuracyColumns.Chosen;
    private const string ChosenName = "chosen (max accuracy drop)";
    private const string ChosenColor = "#222222";
    private const string AccuracyTitle = "Accuracy on the chip (mean ± std over chip instances)";

    /// <summary>The swept keys of a table (columns between <c>workload</c> and <c>cycles</c>).</summary>
    public static ImmutableArray<string> SweptKeys(CsvTable table)
    {
        var start = table.ColumnIndex("workload");
        var end = table.ColumnIndex("cycles");
        if (start < 0 || end < start)
        {
            throw new Specs.Validation.SpecException(new Specs.Validation.SpecError(
                "table", 1, 0, "", "not a sweep table: expected columns architecture, workload, the swept keys, then cycles"));
        }

        return table.Header[(start + 1)..end];
    }

    /// <summary>The main figure (sweep.svg).</summary>
    public static Figure Main(CsvTable table)
    {
        var keys = SweptKeys(table);
        var workload = Describe(table.Column("workload"));
        if (keys.SequenceEqual([SweepDefinition.FreezeKey]))
        {
            return Freeze(table, workload);
        }

        if (keys.SequenceEqual([SweepDefinition.RankKey]))
        {
            return Rank(table, workload);
        }

        return Grid(table, keys, workload);
    }

    /// <summary>True when some row has an <c>accuracy</c> value: the accuracy panels and the Pareto figure are drawn.</summary>
    public static bool HasAccuracy(CsvTable table) => HasNumbers(table, Accuracy);

    /// <summary>
    /// The Pareto figure (pareto.svg): accuracy against ANL improvement and against energy improvement, one marker colour
    /// per architecture, each point labelled with its swept value (<c>x=3</c>, <c>r=4</c>), and each architecture's
    /// <see cref="ParetoFront"/> drawn as a line through its front points. Rows without the improvement or the
    /// accuracy are left out.
    /// </summary>
    public static Figure Pareto(CsvTable table)
    {
        var keys = SweptKeys(table);
        var groups = Groups(table, []);
        var y = new Axis("accuracy (%)");
        Chart Panel(string title, string column, string label)
        {
            var fronts = new List<LineSeries>();
            var scatters = new List<LineSeries>();
            for (var i = 0; i < groups.Count; i++)
            {
                var rows = groups[i].Rows.Where(r => double.IsFinite(Number(table, r, column)) && double.IsFinite(Number(table, r, Accuracy))).ToList();
                var points = rows.Select(r => (X: Number(table, r, column), Y: 100 * Number(table, r, Accuracy))).ToList();
                var front = ParetoFront.Indices(points);
                var color = Palette.SeriesColor(i);
                fronts.Add(new LineSeries("", [.. front.Select(k => points[k].X)], [.. front.Select(k => points[k].Y)]) { Color = color, Marker = MarkerShape.None });
                scatters.Add(new LineSeries(groups[i].Name, [.. points.Select(p => p.X)], [.. points.Select(p => p.Y)])
                {
                    Color = color,
                    Marker = Palette.SeriesMarker(i),
                    Line = LineStyle.None,
                    PointLabels = [.. rows.Select(r => PointLabel(table, keys, r))],
                });
            }

            // Fronts under the markers, rings on top.
            var series = fronts.Concat(scatters).ToList();
            if (ChosenSeries(table, column) is LineSeries chosen)
            {
                series.Add(chosen);
            }

            return new LineChart(title, new Axis(label), y, [.. series]);
        }

        return new Figure($"{Describe(table.Column("workload"))}: accuracy against improvement (lines: Pareto fronts)",
        [
            Panel("Accuracy vs ANL improvement", "anl_improvement", "ANL improvement over all-SRAM (×)"),
            Panel("Accuracy vs energy improvement", "energy_improvement", "energy improvement over all-SRAM (×, dynamic)"),
        ], 1, Wide, 440, AlignColumns: true);
    }

    /// <summary>
    /// Dynamic energy as stacked bars of component groups (<see cref="ComponentGroups"/>: analog MVMU, digital MVMU,
    /// memories, ALU, control, NoC; at most eight colours, one per group), one panel per series (architecture and fixed
    /// values) and one legend for the figure. With <paramref name="leakage"/>, each series also gets a panel of its
    /// leakage energy by the same groups, beside its dynamic one; leakage is never stacked onto the dynamic bars.
    /// </summary>
    /// <exception cref="Specs.Validation.SpecException">A leakage panel is asked for but the table has no <c>leakage_&lt;component&gt;_pj</c> columns.</exception>
    public static Figure Breakdown(CsvTable table, bool leakage = false)
    {
        var keys = SweptKeys(table);
        var dynamicColumns = GroupColumns(table, SweepTable.EnergyComponentPrefix);
        var leakageColumns = GroupColumns(table, SweepTable.LeakageComponentPrefix);
        if (leakage && leakageColumns.All(g => g.IsEmpty))
        {
            throw new Specs.Validation.SpecException(new Specs.Validation.SpecError(
                "table", 1, 0, "", "the table has no leakage_<component>_pj columns to draw a leakage panel from (a sweep.csv from an older version: run the sweep again)"));
        }

        var x = keys.Contains(SweepDefinition.FreezeKey) ? SweepDefinition.FreezeKey : keys.Contains(SweepDefinition.RankKey) ? SweepDefinition.RankKey : keys.LastOrDefault();
        var groups = Groups(table, keys.Where(k => k != x).ToImmutableArray());
        double Sum(ImmutableArray<string> row, ImmutableArray<string> columns) => columns.Sum(c => Math.Max(0, Finite(Number(table, row, c))));

        // A group is drawn (and in the legend) when some point spends energy in it, in a drawn kind.
        var drawn = Enumerable.Range(0, dynamicColumns.Length)
            .Where(g => table.Rows.Any(r => Sum(r, dynamicColumns[g]) > 0 || (leakage && Sum(r, leakageColumns[g]) > 0))).ToList();
        BarChart Panel(string title, List<ImmutableArray<string>> rows, ImmutableArray<ImmutableArray<string>> columns, string kind)
        {
            var largest = table.Rows.Select(r => columns.Sum(c => Sum(r, c))).DefaultIfEmpty(0).Max();
            var (unit, scale) = EnergyUnit(largest);
            var categories = rows.Select(r => x is null ? r[table.ColumnIndex("architecture")] : r[table.ColumnIndex(x)]).ToImmutableArray();
            var series = drawn.Select(g => new BarSeries(ComponentGroups.At(g).Label, rows.Select(r => Sum(r, columns[g]) / scale).ToImmutableArray())
            {
                Color = Palette.SeriesColor(g),
            }).ToImmutableArray();
            return new BarChart(title, AxisName(x), categories, new Axis($"{kind} energy ({unit})"), series, BarMode.Stacked) { ShowLegend = false };
        }

        var panels = groups.SelectMany(g => leakage
            ? new Chart[] { Panel(g.Name + ": dynamic", g.Rows, dynamicColumns, "dynamic"), Panel(g.Name + ": leakage", g.Rows, leakageColumns, "leakage") }
            : [Panel(g.Name, g.Rows, dynamicColumns, "dynamic")]).ToImmutableArray();
        var columns = panels.Length > 1 ? 2 : 1;
        var what = leakage ? "dynamic and leakage energy" : "dynamic energy";
        return new Figure($"{Describe(table.Column("workload"))}: {what} by component group", panels, columns, columns == 1 ? Wide : 640, 440)
        {
            Legend = [.. drawn.Select(g => new LegendItem(ComponentGroups.At(g).Label, Palette.SeriesColor(g)))],
        };
    }

    /// <summary>
    /// For each component group (<see cref="ComponentGroups.IndexOf"/>, <see cref="ComponentGroups.Other"/> last), the
    /// table's columns <c>prefix + component + "_pj"</c> of the components in it.
    /// </summary>
    private static ImmutableArray<ImmutableArray<string>> GroupColumns(CsvTable table, string prefix)
    {
        var components = SweepTable.ComponentColumns(table, prefix);
        return Enumerable.Range(0, ComponentGroups.All.Length + 1)
            .Select(g => components.Where(c => ComponentGroups.IndexOf(c.Component) == g).Select(c => c.Column).ToImmutableArray())
            .ToImmutableArray();
    }

    /// <summary>Rows grouped into plot series by architecture and the values of <paramref name="keys"/>, in order of first appearance.</summary>
    private static List<(string Name, List<ImmutableArray<string>> Rows)> Groups(CsvTable table, ImmutableArray<string> keys)
    {
        var architecture = table.ColumnIndex("architecture");
        var workloads = table.Column("workload").Distinct().Count();
        var groups = new List<(string Name, List<ImmutableArray<string>> Rows)>();
        foreach (var row in table.Rows)
        {
            var parts = new List<string> { row[architecture] };
            if (workloads > 1)
            {
                parts.Add(row[table.ColumnIndex("workload")]);
            }

            parts.AddRange(keys.Select(k => $"{k}={row[table.ColumnIndex(k)]}"));
            var name = string.Join(" ", parts);
            var at = groups.FindIndex(g => g.Name == name);
            if (at < 0)
            {
                groups.Add((name, [row]));
            }
            else
            {
                groups[at].Rows.Add(row);
            }
        }

        return groups;
    }

    private static ImmutableArray<LineSeries> Lines(CsvTable table, List<(string Name, List<ImmutableArray<string>> Rows)> groups, string x, string y, double factor) =>
        groups.Select(g =>
        {
            var points = g.Rows.Select(r => (X: Number(table, r, x), Y: Number(table, r, y) * factor)).Where(p => double.IsFinite(p.X)).OrderBy(p => p.X).ToList();
            return new LineSeries(g.Name, [.. points.Select(p => p.X)], [.. points.Select(p => p.Y)]);
        }).ToImmutableArray();

    /// <summary>An accuracy column in percent against <paramref name="x"/>, with its <c>_std</c> column as error bars, in the colour and marker of group <paramref name="style"/>.</summary>
    private static LineSeries AccuracySeries(CsvTable table, List<ImmutableArray<string>> rows, string x, string column, string name, int style, LineStyle line)
    {
        var points = rows.Select(r => (X: Number(table, r, x), Y: 100 * Number(table, r, column), E: 100 * Number(table, r, column + StdSuffix)))
            .Where(p => double.IsFinite(p.X)).OrderBy(p => p.X).ToList();
        return new LineSeries(name, [.. points.Select(p => p.X)], [.. points.Select(p => p.Y)])
        {
            YError = [.. points.Select(p => p.E)],
            Color = Palette.SeriesColor(style),
            Marker = Palette.SeriesMarker(style),
            Line = line,
        };
    }

    /// <summary>Rings at (x, accuracy) of the rows with <c>chosen</c> = 1, or null when there are none to draw.</summary>
    private static LineSeries? ChosenSeries(CsvTable table, string x)
    {
        if (!table.HasColumn(Chosen))
        {
            return null;
        }

        var points = table.Rows.Where(r => r[table.ColumnIndex(Chosen)] == "1")
            .Select(r => (X: Number(table, r, x), Y: 100 * Number(table, r, Accuracy)))
            .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        return points.Count == 0
            ? null
            : new LineSeries(ChosenName, [.. points.Select(p => p.X)], [.. points.Select(p => p.Y)]) { Color = ChosenColor, Marker = MarkerShape.Ring, Line = LineStyle.None };
    }

    /// <summary>The swept value(s) of a row as a short point label: <c>x=3</c>, <c>r=4</c>, or <c>key=value</c> pairs.</summary>
    private static string PointLabel(CsvTable table, ImmutableArray<string> keys, ImmutableArray<string> row) =>
        string.Join(", ", keys.Select(k => (k switch
        {
            SweepDefinition.FreezeKey => "x",
            SweepDefinition.RankKey => "r",
            _ => k,
        }) + "=" + row[table.ColumnIndex(k)]));

    private static double Number(CsvTable table, ImmutableArray<string> row, string column)
    {
        var index = table.ColumnIndex(column);
        return index >= 0 && CsvTable.TryParseNumber(row[index], out var value) ? value : double.NaN;
    }

    private static bool HasNumbers(CsvTable table, string column) =>
        table.HasColumn(column) && table.Column(column).Any(v => CsvTable.TryParseNumber(v, out var d) && double.IsFinite(d));

    private static ImmutableArray<string> Distinct(ImmutableArray<string> values) => values.Distinct().ToImmutableArray();

    private static string Describe(ImmutableArray<string> workloads) => string.Join(", ", workloads.Distinct());

    private static string AxisName(string? key) => key switch
    {
        SweepDefinition.FreezeKey => "frozen layers x",
        SweepDefinition.RankKey => "LoBranch rank r",
        null => "point",
        _ => key,
    };

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    private static (string Unit, double Scale) EnergyUnit(double largestPj) =>
        largestPj >= 1e9 ? ("mJ", 1e9) : largestPj >= 1e6 ? ("µJ", 1e6) : largestPj >= 1e3 ? ("nJ", 1e3) : ("pJ", 1);
}
