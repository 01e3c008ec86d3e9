using HybridSim.Specs.Output;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HybridSim.Specs.Input;
using HybridSim.Specs.Validation;

namespace HybridSim.Metrics.Reports;

/// <summary>
/// Writes and reads <c>report.json</c> (docs/model.md section 11): snake_case fields in the order of
/// <see cref="TopLevelFields"/>, that is the contract's fields with <c>leakage_by_component_pj</c> (an object like
/// <c>energy_by_component_pj</c>) beside the dynamic breakdown and the <see cref="RunReport.Extra"/> statistics as the
/// <c>statistics</c> object before <c>simulator</c>; nothing else at the top level, so a traced and an untraced run differ
/// only inside <c>simulator</c>. Output is indented, uses "\n" line ends, invariant culture and shortest round-trip
/// doubles, so the same report always gives the same bytes. Reading is strict: a missing, mistyped or unknown top-level
/// field is an error naming the file and the field (a point file in an older layout is then simulated again).
/// </summary>
public static partial class ReportJson
{
    /// <summary>The contract's top-level fields (docs/model.md section 11), in the order they are written.</summary>
    public static readonly ImmutableArray<string> ContractFields =
    [
        "architecture", "workload", "partition", "cycles", "latency_ns", "clock_hz", "dynamic_energy_pj",
        "leakage_energy_pj", "total_energy_pj", "area_mm2", "anl_ms_mm2", "energy_by_component_pj",
        "area_by_component_mm2", "layers", "sram_weight_fraction", "sram_utilization", "simulator",
    ];

    /// <summary>Leakage energy per component, an object with the names of <c>energy_by_component_pj</c>.</summary>
    public const string LeakageByComponentField = "leakage_by_component_pj";

    /// <summary>The <see cref="RunReport.Extra"/> statistics, an object of numbers.</summary>
    public const string StatisticsField = "statistics";

    /// <summary>
    /// Every top-level field, in the order written. Statistics may not reuse these names: <c>sweep.csv</c> gives each
    /// statistic a column of its own name beside them.
    /// </summary>
    public static readonly ImmutableArray<string> TopLevelFields =
    [
        "architecture", "workload", "partition", "cycles", "latency_ns", "clock_hz", "dynamic_energy_pj",
        "leakage_energy_pj", "total_energy_pj", "area_mm2", "anl_ms_mm2", "energy_by_component_pj",
        LeakageByComponentField, "area_by_component_mm2", "layers", "sram_weight_fraction", "sram_utilization", StatisticsField, "simulator",
    ];

    /// <summary>Fields of <c>run --program</c> (<see cref="RunReport.Programming"/>): three totals and the per-technology object.</summary>
    public static readonly ImmutableArray<string> ProgrammingFields =
        ["programming_energy_pj", "programming_latency_ns", "endurance_used", "programming"];

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, NewLine = "\n" };

    /// <summary>The report as JSON text (ends with a newline).</summary>
    public static string Write(RunReport report)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteReport(writer, report);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes the report to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void WriteFile(string path, RunReport report) => SafeFile.WriteAllText(path, Write(report));

    /// <summary>Largest report read back (a report of tens of thousands of layers is a few MiB).</summary>
    public const long MaxReportBytes = 64L * 1024 * 1024;

    /// <summary>Reads a report through the bounded input reader (regular files of at most <see cref="MaxReportBytes"/>).</summary>
    public static RunReport ReadFile(string path) =>
        Read(InputFile.ReadAllText(path, MaxReportBytes, "", "a JSON report"), path);

    /// <summary>Parses a report; <paramref name="source"/> names the file in error messages.</summary>
    /// <exception cref="SpecException">The text is not valid JSON or misses or mistypes a contract field.</exception>
    public static RunReport Read(string json, string source = "report.json")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? -1) + 1;
            var column = (int)(e.BytePositionInLine ?? -1) + 1;
            throw new SpecException(new SpecError(source, line, column, "", $"not valid JSON: {e.Message}"));
        }

        using (document)
        {
            var reader = new Reader(source);
            return reader.ReadReport(document.RootElement);
        }
    }

    private static void WriteReport(Utf8JsonWriter w, RunReport r)
    {
        w.WriteStartObject();
        w.WriteString("architecture", r.Architecture);
        w.WriteString("workload", r.Workload);
        w.WriteStartObject("partition");
        w.WriteString("kind", r.Partition.Kind);
        w.WriteNumber(r.Partition.Kind == "rank" ? "r" : "x", r.Partition.Value);
        if (r.Partition.Kind == "rank")
        {
            w.WriteStartArray("clamped_layers");
            foreach (var name in r.Partition.ClampedLayers)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteNumber("cycles", r.Cycles);
        WriteDouble(w, "latency_ns", r.LatencyNs);
        WriteDouble(w, "clock_hz", r.ClockHz);
        WriteDouble(w, "dynamic_energy_pj", r.DynamicEnergyPj);
        WriteDouble(w, "leakage_energy_pj", r.LeakageEnergyPj);
        WriteDouble(w, "total_energy_pj", r.TotalEnergyPj);
        WriteDouble(w, "area_mm2", r.AreaMm2);
        WriteDouble(w, "anl_ms_mm2", r.AnlMsMm2);
        WriteMap(w, "energy_by_component_pj", r.EnergyByComponentPj);
        WriteMap(w, LeakageByComponentField, r.LeakageByComponentPj);
        WriteMap(w, "area_by_component_mm2", r.AreaByComponentMm2);
        w.WriteStartArray("layers");
        foreach (var layer in r.Layers)
        {
            w.WriteStartObject();
            w.WriteString("name", layer.Name);
            w.WriteString("kind", layer.Kind);
            w.WriteString("placement", layer.Placement);
            w.WriteNumber("mvmus", layer.Mvmus);
            w.WriteNumber("mvms", layer.Mvms);
            WriteDouble(w, "start_ns", layer.StartNs);
            WriteDouble(w, "end_ns", layer.EndNs);
            WriteDouble(w, "dynamic_energy_pj", layer.DynamicEnergyPj);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteDouble(w, "sram_weight_fraction", r.SramWeightFraction);
        WriteDouble(w, "sram_utilization", r.SramUtilization);
        if (r.Programming is { } programming)
        {
            WriteProgramming(w, programming);
        }

        foreach (var key in r.Extra.Keys)
        {
            if (TopLevelFields.Contains(key) || ProgrammingFields.Contains(key))
            {
                throw new ArgumentException($"statistic '{key}' has the name of a top-level report field; sweep.csv could not tell their columns apart", nameof(r));
            }
        }

        WriteMap(w, StatisticsField, r.Extra);
        w.WriteStartObject("simulator");
        w.WriteNumber("events", r.Simulator.Events);
        WriteDouble(w, "wall_seconds", r.Simulator.WallSeconds);
        if (r.Simulator.TraceSpans is long spans)
        {
            w.WriteNumber("trace_spans", spans);
        }

        if (r.Simulator.TraceDroppedSpans is long dropped)
        {
            w.WriteNumber("trace_dropped_spans", dropped);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteProgramming(Utf8JsonWriter w, ProgrammingReport p)
    {
        WriteDouble(w, "programming_energy_pj", p.EnergyPj);
        WriteDouble(w, "programming_latency_ns", p.LatencyNs);
        WriteDouble(w, "endurance_used", p.EnduranceUsed);
        w.WriteStartObject("programming");
        foreach (var (name, part) in new[] { ("rram", p.Rram), ("sram", p.Sram) })
        {
            w.WriteStartObject(name);
            w.WriteNumber("cells_written", part.CellsWritten);
            w.WriteNumber("rows_written", part.RowsWritten);
            WriteDouble(w, "energy_pj", part.EnergyPj);
            WriteDouble(w, "latency_ns", part.LatencyNs);
            WriteDouble(w, "endurance_used", part.EnduranceUsed);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter w, string name, ImmutableSortedDictionary<string, double> map)
    {
        w.WriteStartObject(name);
        // ImmutableSortedDictionary enumerates in key order; the comparer is the caller's, so sort ordinally to be sure.
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            WriteDouble(w, key, value);
        }

        w.WriteEndObject();
    }

    private static void WriteDouble(Utf8JsonWriter w, string name, double value)
    {
        if (!double.IsFinite(value))
        {
            // JSON has no NaN or infinity; a non-finite metric is a modelling bug, not something to hide as null.
            throw new ArgumentException($"report field '{name}' is {value.ToString(CultureInfo.InvariantCulture)}; JSON needs a finite number");
        }

        w.WritePropertyName(name);
        w.WriteRawValue(FormatDouble(value));
    }

    /// <summary>Shortest round-trip form in invariant culture ("1800", "0.125", "1E-05").</summary>
    public static string FormatDouble(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
