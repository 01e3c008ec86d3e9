using System.Collections.Immutable;
using HybridSim.Metrics.Reports;
using HybridSim.Sweeps.Accuracy;

namespace HybridSim.Sweeps;

/// <summary>
/// Builds <c>sweep.csv</c> from a plan and its finished points: one row per requested point in plan order, the
/// improvement ratios against the group's all-SRAM freeze-0 baseline (docs/sweeps.md, "Rules"; dynamic energy), and for
/// rank sweeps the overheads against rank 0 of the same group; then the accuracy columns when the points have them and
/// the <c>chosen</c> mark under <c>--max-accuracy-drop</c>. The content depends only on the reports, not on how
/// (or in what order, or on how many cores) they were computed. <c>total_energy_improvement</c> is the same ratio with
/// leakage counted (total energy), beside the contract's dynamic one.
/// </summary>
public static class SweepTable
{
    /// <summary>The columns every table starts with, before the swept keys.</summary>
    public static readonly ImmutableArray<string> LeadingColumns = ["architecture", "workload"];

    /// <summary>The contract columns after the swept keys (docs/sweeps.md, "What a sweep folder holds"), in order.</summary>
    public static readonly ImmutableArray<string> MetricColumns =
    [
        "cycles", "latency_ns", "dynamic_energy_pj", "leakage_energy_pj", "total_energy_pj", "area_mm2", "anl_ms_mm2",
        "energy_improvement", "anl_improvement", "sram_weight_fraction", "total_energy_improvement", "sram_utilization",
    ];

    /// <summary>Rank sweeps only: relative change against rank 0 of the same group (0.05 = 5% more).</summary>
    public static readonly ImmutableArray<string> OverheadColumns = ["energy_overhead", "latency_overhead", "area_overhead"];

    /// <summary>Dynamic energy of one component: <c>energy_&lt;component&gt;_pj</c> (<c>energy_analog.adc_pj</c>).</summary>
    public const string EnergyComponentPrefix = "energy_";

    /// <summary>Leakage energy of one component: <c>leakage_&lt;component&gt;_pj</c> (<c>leakage_analog.adc_pj</c>).</summary>
    public const string LeakageComponentPrefix = "leakage_";

    /// <summary>The unit suffix of both per-component energy columns.</summary>
    public const string EnergyComponentSuffix = "_pj";

    /// <summary>
    /// The components that have a column <c>prefix + component + "_pj"</c> in <paramref name="table"/>, in column order.
    /// Component names always carry their level (<c>analog.</c>, <c>digital.</c>, <c>noc.</c>, <c>node.</c>), which
    /// tells them from statistics that happen to look alike (<c>energy_per_inference_pj</c> is no component).
    /// </summary>
    public static ImmutableArray<(string Component, string Column)> ComponentColumns(CsvTable table, string prefix) =>
        table.Header
            .Where(h => h.Length > prefix.Length + EnergyComponentSuffix.Length
                && h.StartsWith(prefix, StringComparison.Ordinal) && h.EndsWith(EnergyComponentSuffix, StringComparison.Ordinal))
            .Select(h => (Component: h[prefix.Length..^EnergyComponentSuffix.Length], Column: h))
            .Where(c => c.Component.IndexOf('.', StringComparison.Ordinal) is > 0 && !c.Component.EndsWith('.'))
            .ToImmutableArray();

    /// <summary>The table and the notes the user should see (missing baselines, missing rows).</summary>
    public static SweepTableResult Build(SweepPlan plan, Func<string, RunReport?> lookup)
    {
        var rows = plan.TableRows.Select(p => (Point: p, Report: lookup(p.Key))).ToList();
        var present = rows.Where(r => r.Report is not null).Select(r => (r.Point, Report: r.Report!)).ToList();
        var missing = rows.Where(r => r.Report is null).Select(r => r.Point).ToImmutableArray();
        var components = present.SelectMany(r => r.Report.EnergyByComponentPj.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var leakageComponents = present.SelectMany(r => r.Report.LeakageByComponentPj.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var areaComponents = present.SelectMany(r => r.Report.AreaByComponentMm2.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var header = new List<string>(LeadingColumns);
        header.AddRange(plan.SweptKeys);
        header.AddRange(MetricColumns);
        if (plan.Kind == SweepKind.Rank)
        {
            header.AddRange(OverheadColumns);
        }

        var accuracyColumns = AccuracyColumns.All.Where(c => present.Any(r => r.Report.Extra.ContainsKey(c))).ToList();
        header.AddRange(accuracyColumns);
        var choices = OperatingPoint.Choose(plan, lookup);
        var chosen = OperatingPoint.ChosenKeys(choices);
        if (plan.MaxAccuracyDrop is not null)
        {
            header.Add(AccuracyColumns.Chosen);
        }

        header.AddRange(["clock_hz", "events"]);
        header.AddRange(components.Select(c => EnergyComponentPrefix + c + EnergyComponentSuffix));
        header.AddRange(leakageComponents.Select(c => LeakageComponentPrefix + c + EnergyComponentSuffix));
        header.AddRange(areaComponents.Select(c => "area_" + c + "_mm2"));
        var extras = present.SelectMany(r => r.Report.Extra.Keys).Distinct().Where(k => !header.Contains(k) && k != "key")
            .Order(StringComparer.Ordinal).ToList();
        header.AddRange(extras);
        header.Add("key");

        var notes = new List<string>();
        var table = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var (point, report) in present)
        {
            var baseline = lookup(point.BaselineKey);
            var reference = point.ReferenceKey is null ? null : lookup(point.ReferenceKey);
            if (baseline is null)
            {
                Note(notes, $"no all-SRAM baseline for {Describe(point)}: its freeze-0 run has no result (an architecture without digital tiles has none), so energy_improvement and anl_improvement are empty");
            }

            if (point.ReferenceKey is not null && reference is null)
            {
                Note(notes, $"no rank-0 reference for {Describe(point)}: the overhead columns are empty");
            }

            if (!report.Partition.ClampedLayers.IsEmpty)
            {
                Note(notes, $"{Describe(point)} rank {report.Partition.Value}: min(in, out) of {string.Join(", ", report.Partition.ClampedLayers)} is below the rank, so that branch is full rank instead (partition.clamped_layers)");
            }

            if (report.Extra.TryGetValue(Accuracy.AccuracyColumns.PathCheckExact, out var exact) && report.Extra.TryGetValue(Accuracy.AccuracyColumns.PathCheckFast, out var fast)
                && 100 * Math.Abs(fast - exact) > HybridSim.Functional.Evaluation.PathCheck.TolerancePoints)
            {
                Note(notes, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{point.Label}: the fast path scores {100 * fast:0.00}% and the exact path {100 * exact:0.00}% on the check's test samples of the first chip ({100 * Math.Abs(fast - exact):0.00} points apart, more than {HybridSim.Functional.Evaluation.PathCheck.TolerancePoints:0.#}): use --path exact for this point's accuracy (README, \"Exact or fast\")"));
            }

            var row = new List<string> { report.Architecture, report.Workload };
            row.AddRange(plan.SweptKeys.Select(k => point.Swept.FirstOrDefault(s => s.Key == k)?.Value ?? ""));
            row.Add(report.Cycles.ToString(System.Globalization.CultureInfo.InvariantCulture));
            row.AddRange(new[] { report.LatencyNs, report.DynamicEnergyPj, report.LeakageEnergyPj, report.TotalEnergyPj, report.AreaMm2, report.AnlMsMm2 }.Select(CsvTable.FormatNumber));
            row.Add(Ratio(baseline?.DynamicEnergyPj, report.DynamicEnergyPj));
            row.Add(Ratio(baseline?.AnlMsMm2, report.AnlMsMm2));
            row.Add(CsvTable.FormatNumber(report.SramWeightFraction));
            row.Add(Ratio(baseline?.TotalEnergyPj, report.TotalEnergyPj));
            row.Add(CsvTable.FormatNumber(report.SramUtilization));
            if (plan.Kind == SweepKind.Rank)
            {
                row.Add(Overhead(report.DynamicEnergyPj, reference?.DynamicEnergyPj));
                row.Add(Overhead(report.LatencyNs, reference?.LatencyNs));
                row.Add(Overhead(report.AreaMm2, reference?.AreaMm2));
            }

            row.AddRange(accuracyColumns.Select(c => report.Extra.TryGetValue(c, out var v) ? CsvTable.FormatNumber(v) : ""));
            if (plan.MaxAccuracyDrop is not null)
            {
                row.Add(chosen.Contains(point.Key) ? "1" : "0");
            }

            row.Add(CsvTable.FormatNumber(report.ClockHz));
            row.Add(report.Simulator.Events.ToString(System.Globalization.CultureInfo.InvariantCulture));
            row.AddRange(components.Select(c => report.EnergyByComponentPj.TryGetValue(c, out var v) ? CsvTable.FormatNumber(v) : "0"));
            row.AddRange(leakageComponents.Select(c => report.LeakageByComponentPj.TryGetValue(c, out var v) ? CsvTable.FormatNumber(v) : "0"));
            row.AddRange(areaComponents.Select(c => report.AreaByComponentMm2.TryGetValue(c, out var v) ? CsvTable.FormatNumber(v) : "0"));
            row.AddRange(extras.Select(k => report.Extra.TryGetValue(k, out var v) ? CsvTable.FormatNumber(v) : ""));
            row.Add(point.Key);
            table.Add([.. row]);
        }

        return new SweepTableResult(new CsvTable([.. header], table.ToImmutable()), [.. notes], missing) { Choices = choices };
    }

    /// <summary>baseline / value; empty when there is no baseline.</summary>
    private static string Ratio(double? baseline, double value) =>
        baseline is double b ? CsvTable.FormatNumber(b / value) : "";

    private static string Overhead(double value, double? reference) =>
        reference is double r ? CsvTable.FormatNumber(value / r - 1) : "";

    private static string Describe(SweepPoint point) =>
        string.Join(" ", new[] { point.ArchitecturePath }.Concat(point.Overrides));

    private static void Note(List<string> notes, string note)
    {
        if (!notes.Contains(note))
        {
            notes.Add(note);
        }
    }
}
