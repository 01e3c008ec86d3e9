using HybridSim.Specs.Output;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HybridSim.Specs.Input;
using HybridSim.Specs.Validation;

namespace HybridSim.Metrics.Reports;

/// <summary>
/// Writes and reads <c>report.json</c> (design.md section 5): snake_case fields in the order of
/// <see cref="TopLevelFields"/>, that is the contract's fields with <c>leakage_by_component_pj</c> (an object like
/// <c>energy_by_component_pj</c>) beside the dynamic breakdown and the <see cref="RunReport.Extra"/> statistics as the
/// <c>statistics</c> object before <c>simulator</c>; nothing else at the top level, so a traced and an untraced run differ
/// only inside <c>simulator</c>. Output is indented, uses "\n" line ends, invariant culture and shortest round-trip
/// doubles, so the same report always gives the same bytes. Reading is strict: a missing, mistyped or unknown top-level
/// field is an error naming the file and the field (a point file in an older layout is then simulated again).
/// </summary>
public static class ReportJson
{
    /// <summary>The contract's top-level fields (design.md section 5), in the order they are written.</summary>
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

    /// <summary>Reads fields with errors that name the file and the dotted field path.</summary>
    private sealed class Reader(string source)
    {
        public RunReport ReadReport(JsonElement root)
        {
            Expect(root, JsonValueKind.Object, "");
            foreach (var property in root.EnumerateObject())
            {
                if (!TopLevelFields.Contains(property.Name) && !ProgrammingFields.Contains(property.Name))
                {
                    throw Error(property.Name, $"unknown top-level field; a report has {string.Join(", ", TopLevelFields)} (further statistics go in the \"{StatisticsField}\" object)");
                }
            }

            return new RunReport(
                String(Field(root, "architecture", ""), "architecture"),
                String(Field(root, "workload", ""), "workload"),
                ReadPartition(Field(root, "partition", "")),
                Long(Field(root, "cycles", ""), "cycles"),
                Double(Field(root, "latency_ns", ""), "latency_ns"),
                Double(Field(root, "clock_hz", ""), "clock_hz"),
                Double(Field(root, "dynamic_energy_pj", ""), "dynamic_energy_pj"),
                Double(Field(root, "leakage_energy_pj", ""), "leakage_energy_pj"),
                Double(Field(root, "total_energy_pj", ""), "total_energy_pj"),
                Double(Field(root, "area_mm2", ""), "area_mm2"),
                Double(Field(root, "anl_ms_mm2", ""), "anl_ms_mm2"),
                ReadMap(Field(root, "energy_by_component_pj", ""), "energy_by_component_pj"),
                ReadMap(Field(root, "area_by_component_mm2", ""), "area_by_component_mm2"),
                ReadLayers(Field(root, "layers", "")),
                Double(Field(root, "sram_weight_fraction", ""), "sram_weight_fraction"),
                ReadSimulator(Field(root, "simulator", "")))
            {
                LeakageByComponentPj = ReadMap(Field(root, LeakageByComponentField, ""), LeakageByComponentField),
                Extra = ReadMap(Field(root, StatisticsField, ""), StatisticsField),
                Programming = root.TryGetProperty("programming", out var programming) ? ReadProgramming(root, programming) : null,
                SramUtilization = Double(Field(root, "sram_utilization", ""), "sram_utilization"),
            };
        }

        private ProgrammingReport ReadProgramming(JsonElement root, JsonElement e)
        {
            Expect(e, JsonValueKind.Object, "programming");
            ProgrammingPart Part(string name)
            {
                var path = "programming." + name;
                var p = Field(e, name, "programming");
                Expect(p, JsonValueKind.Object, path);
                return new ProgrammingPart(
                    Long(Field(p, "cells_written", path), path + ".cells_written"),
                    Long(Field(p, "rows_written", path), path + ".rows_written"),
                    Double(Field(p, "energy_pj", path), path + ".energy_pj"),
                    Double(Field(p, "latency_ns", path), path + ".latency_ns"),
                    Double(Field(p, "endurance_used", path), path + ".endurance_used"));
            }

            return new ProgrammingReport(
                Double(Field(root, "programming_energy_pj", ""), "programming_energy_pj"),
                Double(Field(root, "programming_latency_ns", ""), "programming_latency_ns"),
                Double(Field(root, "endurance_used", ""), "endurance_used"),
                Part("rram"),
                Part("sram"));
        }

        private PartitionReport ReadPartition(JsonElement e)
        {
            Expect(e, JsonValueKind.Object, "partition");
            var kind = String(Field(e, "kind", "partition"), "partition.kind");
            return kind switch
            {
                "freeze" => new PartitionReport(kind, Int(Field(e, "x", "partition"), "partition.x")),
                "rank" => new PartitionReport(kind, Int(Field(e, "r", "partition"), "partition.r")) { ClampedLayers = Strings(Field(e, "clamped_layers", "partition"), "partition.clamped_layers") },
                _ => throw Error("partition.kind", $"expected \"freeze\" or \"rank\", found \"{kind}\""),
            };
        }

        private ImmutableArray<string> Strings(JsonElement e, string path)
        {
            Expect(e, JsonValueKind.Array, path);
            return [.. e.EnumerateArray().Select((item, i) => String(item, $"{path}[{i}]"))];
        }

        private ImmutableSortedDictionary<string, double> ReadMap(JsonElement e, string path)
        {
            Expect(e, JsonValueKind.Object, path);
            var builder = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
            foreach (var property in e.EnumerateObject())
            {
                builder[property.Name] = Double(property.Value, $"{path}.{property.Name}");
            }

            return builder.ToImmutable();
        }

        private ImmutableArray<LayerReport> ReadLayers(JsonElement e)
        {
            Expect(e, JsonValueKind.Array, "layers");
            var layers = ImmutableArray.CreateBuilder<LayerReport>();
            var index = 0;
            foreach (var item in e.EnumerateArray())
            {
                var path = $"layers[{index}]";
                Expect(item, JsonValueKind.Object, path);
                layers.Add(new LayerReport(
                    String(Field(item, "name", path), path + ".name"),
                    String(Field(item, "kind", path), path + ".kind"),
                    String(Field(item, "placement", path), path + ".placement"),
                    Int(Field(item, "mvmus", path), path + ".mvmus"),
                    Long(Field(item, "mvms", path), path + ".mvms"),
                    Double(Field(item, "start_ns", path), path + ".start_ns"),
                    Double(Field(item, "end_ns", path), path + ".end_ns"),
                    Double(Field(item, "dynamic_energy_pj", path), path + ".dynamic_energy_pj")));
                index++;
            }

            return layers.ToImmutable();
        }

        private SimulatorReport ReadSimulator(JsonElement e)
        {
            Expect(e, JsonValueKind.Object, "simulator");
            return new SimulatorReport(
                Long(Field(e, "events", "simulator"), "simulator.events"),
                Double(Field(e, "wall_seconds", "simulator"), "simulator.wall_seconds"))
            {
                TraceSpans = e.TryGetProperty("trace_spans", out var spans) ? Long(spans, "simulator.trace_spans") : null,
                TraceDroppedSpans = e.TryGetProperty("trace_dropped_spans", out var dropped) ? Long(dropped, "simulator.trace_dropped_spans") : null,
            };
        }

        private JsonElement Field(JsonElement obj, string name, string parentPath)
        {
            if (obj.TryGetProperty(name, out var value))
            {
                return value;
            }

            var path = parentPath.Length == 0 ? name : $"{parentPath}.{name}";
            throw Error(path, "missing field");
        }

        private string String(JsonElement e, string path)
        {
            Expect(e, JsonValueKind.String, path);
            return e.GetString()!;
        }

        private double Double(JsonElement e, string path)
        {
            Expect(e, JsonValueKind.Number, path);
            return e.GetDouble();
        }

        private long Long(JsonElement e, string path)
        {
            Expect(e, JsonValueKind.Number, path);
            return e.TryGetInt64(out var value) ? value : throw Error(path, $"expected an integer, found {e.GetRawText()}");
        }

        private int Int(JsonElement e, string path)
        {
            Expect(e, JsonValueKind.Number, path);
            return e.TryGetInt32(out var value) ? value : throw Error(path, $"expected an integer, found {e.GetRawText()}");
        }

        private void Expect(JsonElement e, JsonValueKind kind, string path)
        {
            if (e.ValueKind != kind)
            {
                throw Error(path, $"expected {Describe(kind)}, found {Describe(e.ValueKind)}");
            }
        }

        private SpecException Error(string path, string message) => new(new SpecError(source, 0, 0, path, message));

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };
    }
}
