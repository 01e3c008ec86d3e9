using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HybridSim.Metrics.Reports;

namespace HybridSim.Sweeps.Accuracy;

/// <summary>
/// The point the papers pick by hand, picked under <c>--max-accuracy-drop D</c> (points of accuracy): for freeze-x the
/// largest x whose (recovered) accuracy is within D of the all-SRAM freeze-0 point of its series; for rank the smallest r
/// within D of the variation-free accuracy (the given weights in fixed point on an ideal device). Written to
/// <c>choice.json</c> with its cost and accuracy.
/// </summary>
public static class OperatingPoint
{
    public const string FileName = "choice.json";

    public static ImmutableArray<OperatingChoice> Choose(SweepPlan plan, Func<string, RunReport?> lookup)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(lookup);
        if (plan.MaxAccuracyDrop is not { } drop || plan.Kind is not (SweepKind.Freeze or SweepKind.Rank))
        {
            return [];
        }

        var choices = ImmutableArray.CreateBuilder<OperatingChoice>();
        foreach (var series in plan.TableRows.GroupBy(p => p.Group, StringComparer.Ordinal))
        {
            var rows = series.Select(p => (Point: p, Report: lookup(p.Key))).Where(r => r.Report is not null && Accuracy(r.Report) is not null).ToList();
            var architecture = rows.Select(r => r.Report!.Architecture).FirstOrDefault() ?? Path.GetFileNameWithoutExtension(series.First().ArchitecturePath);
            var budget = drop.ToString("0.###", CultureInfo.InvariantCulture);
            if (plan.Kind == SweepKind.Freeze)
            {
                var baseline = lookup(series.First().BaselineKey) is { } b ? Accuracy(b) : null;
                var within = baseline is { } reference ? rows.Where(r => Within(Accuracy(r.Report!)!.Value, reference, drop)).ToList() : [];
                var best = within.OrderByDescending(r => r.Point.Partition!.Value).FirstOrDefault();
                choices.Add(new OperatingChoice(series.Key, architecture, best.Point, best.Report, baseline,
                    $"the largest x whose accuracy is within {budget} points of the all-SRAM freeze-0 accuracy"));
            }
            else
            {
                double? reference = rows.Select(r => r.Report!.Extra.TryGetValue(AccuracyColumns.Quantized, out var q) ? q : (double?)null).FirstOrDefault(q => q is not null);
                var within = reference is { } v ? rows.Where(r => Within(Accuracy(r.Report!)!.Value, v, drop)).ToList() : [];
                var best = within.OrderBy(r => r.Point.Partition!.Value).FirstOrDefault();
                choices.Add(new OperatingChoice(series.Key, architecture, best.Point, best.Report, reference,
                    $"the smallest r whose accuracy is within {budget} points of the variation-free accuracy"));
            }
        }

        return choices.ToImmutable();
    }

    /// <summary>The keys of the chosen points.</summary>
    public static ImmutableHashSet<string> ChosenKeys(IEnumerable<OperatingChoice> choices) =>
        choices.Where(c => c.Point is not null).Select(c => c.Point!.Key).ToImmutableHashSet(StringComparer.Ordinal);

    public static string Serialize(SweepPlan plan, ImmutableArray<OperatingChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("kind", plan.Kind == SweepKind.Freeze ? "freeze" : "rank");
            Number(w, "max_accuracy_drop", plan.MaxAccuracyDrop ?? 0);
            w.WriteStartArray("choices");
            foreach (var c in choices)
            {
                w.WriteStartObject();
                w.WriteString("architecture", c.Architecture);
                w.WriteString("rule", c.Rule);
                if (c.Reference is { } reference)
                {
                    Number(w, "reference_accuracy", reference);
                }
                else
                {
                    w.WriteNull("reference_accuracy");
                }

                if (c.Point is null || c.Report is null)
                {
                    w.WriteNull("point");
                }
                else
                {
                    var r = c.Report;
                    w.WriteStartObject("point");
                    w.WriteString("key", c.Point.Key);
                    w.WriteString("workload", r.Workload);
                    w.WriteNumber(plan.Kind == SweepKind.Freeze ? "freeze" : "rank", c.Point.Partition!.Value);
                    foreach (var name in AccuracyColumns.All.Where(r.Extra.ContainsKey))
                    {
                        Number(w, name, r.Extra[name]);
                    }

                    w.WriteNumber("cycles", r.Cycles);
                    Number(w, "latency_ns", r.LatencyNs);
                    Number(w, "dynamic_energy_pj", r.DynamicEnergyPj);
                    Number(w, "total_energy_pj", r.TotalEnergyPj);
                    Number(w, "area_mm2", r.AreaMm2);
                    Number(w, "anl_ms_mm2", r.AnlMsMm2);
                    Number(w, "sram_weight_fraction", r.SramWeightFraction);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>One line per series for the terminal.</summary>
    public static IEnumerable<string> Describe(ImmutableArray<OperatingChoice> choices, double drop)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var c in choices)
        {
            if (c.Point is null || c.Report is null)
            {
                yield return string.Create(inv, $"{c.Architecture}: no point within {drop} points of accuracy{(c.Reference is { } r ? $" of {100 * r:0.00}%" : " (no reference accuracy)")}");
                continue;
            }

            var a = c.Report.Extra[AccuracyColumns.Accuracy];
            yield return string.Create(inv, $"{c.Architecture}: {c.Point.Partition} (accuracy {100 * a:0.00}% against {100 * c.Reference!.Value:0.00}%, {c.Report.TotalEnergyPj / 1e6:0.###} uJ, ANL {c.Report.AnlMsMm2:0.####} ms*mm2)");
        }
    }

    private static double? Accuracy(RunReport report) => report.Extra.TryGetValue(AccuracyColumns.Accuracy, out var a) ? a : null;

    /// <summary>A drop of exactly D counts as within D (rounding of the two fractions aside).</summary>
    private static bool Within(double accuracy, double reference, double drop) => accuracy >= reference - (drop / 100) - 1e-12;

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "null");
    }
}
