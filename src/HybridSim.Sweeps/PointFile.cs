using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Input;
using HybridSim.Specs.Output;
using HybridSim.Specs.Validation;

namespace HybridSim.Sweeps;

/// <summary>
/// <c>DIR/points/&lt;key&gt;.json</c>: one finished point. It holds the key, the key's inputs (<see cref="PointInputs"/>),
/// the report (the same fields as <c>report.json</c>) and a checksum over the inputs and the report as the writer
/// serializes them. A file whose checksum, key or inputs do not match is not trusted: the sweep recomputes the point
/// and says why. The checksum catches edits and corruption, not a forger who recomputes it.
/// </summary>
public static class PointFile
{
    public const string Format = "hybridsim-point v2";

    /// <summary>The point file's text.</summary>
    public static string Write(string key, PointInputs inputs, RunReport report)
    {
        var reportText = ReportJson.Write(report);
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("key", key);
            w.WriteStartObject("inputs");
            w.WriteString("model", inputs.Model);
            w.WriteString("architecture_sha256", inputs.ArchitectureContent);
            w.WriteString("workload_sha256", inputs.WorkloadContent);
            w.WriteString("partition", inputs.Partition);
            w.WriteNumber("batch", inputs.Batch);
            w.WriteStartArray("overrides");
            foreach (var o in inputs.Overrides)
            {
                w.WriteStringValue(o);
            }

            w.WriteEndArray();
            w.WriteString("overrides_sha256", inputs.OverridesDigest);
            if (inputs.Accuracy is null)
            {
                w.WriteNull("accuracy");
            }
            else
            {
                w.WriteString("accuracy", inputs.Accuracy);
            }

            w.WriteEndObject();
            w.WriteString("checksum", Checksum(inputs, reportText));
            w.WritePropertyName("report");
            using (var parsed = JsonDocument.Parse(reportText))
            {
                parsed.RootElement.WriteTo(w);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes the point atomically; a failure (disk full, a folder in the way) is a SpecException naming the file.</summary>
    public static void WriteFile(string path, string key, PointInputs inputs, RunReport report) =>
        SafeFile.WriteAllText(path, Write(key, inputs, report), flushToDisk: true, field: "points");

    /// <summary>SHA-256 over the format, the inputs' canonical text and the report's canonical JSON.</summary>
    public static string Checksum(PointInputs inputs, string reportText) =>
        PointInputs.Hex(Format + "\n" + inputs.Canonical + "\n" + reportText);

    /// <summary>
    /// Reads and checks a point file: its format, that its checksum matches its content, that its key is the file's and
    /// the digest of its inputs, and (when <paramref name="expected"/> is given) that its inputs are the plan's.
    /// </summary>
    public static PointRead Read(string path, string key, PointInputs? expected)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return PointRead.Missing;
        }

        try
        {
            using var document = JsonDocument.Parse(InputFile.ReadAllText(path, ReportJson.MaxReportBytes, "points", "a point file"));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String)
            {
                return PointRead.Invalid("no point format (written by an older hybridsim, or not a point file)");
            }

            if (format.GetString() != Format)
            {
                return PointRead.Invalid($"point format '{format.GetString()}', expected '{Format}'");
            }

            var inputs = ReadInputs(root.GetProperty("inputs"));
            var storedKey = root.GetProperty("key").GetString();
            var report = ReportJson.Read(root.GetProperty("report").GetRawText(), path);
            if (root.GetProperty("checksum").GetString() != Checksum(inputs, ReportJson.Write(report)))
            {
                return PointRead.Invalid("checksum mismatch: the file was edited or corrupted");
            }

            if (storedKey != key || inputs.Key != key)
            {
                return PointRead.Invalid($"its key {storedKey} does not match its file name or inputs");
            }

            if (expected is not null && expected.Canonical != inputs.Canonical)
            {
                return PointRead.Invalid($"its inputs differ from this sweep's ({Difference(expected, inputs)})");
            }

            return new PointRead(report, null);
        }
        catch (SpecException e)
        {
            return PointRead.Invalid(e.Errors.Length > 0 ? e.Errors[0].Message : e.Message);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return PointRead.Invalid($"not a valid point file ({e.Message.Split('\n')[0].TrimEnd()})");
        }
    }

    private static PointInputs ReadInputs(JsonElement e) => new(
        e.GetProperty("model").GetString()!,
        e.GetProperty("architecture_sha256").GetString()!,
        e.GetProperty("workload_sha256").GetString()!,
        e.GetProperty("partition").GetString()!,
        e.GetProperty("batch").GetInt32(),
        [.. e.GetProperty("overrides").EnumerateArray().Select(o => o.GetString()!)],
        e.GetProperty("accuracy").ValueKind == JsonValueKind.Null ? null : e.GetProperty("accuracy").GetString());

    private static string Difference(PointInputs expected, PointInputs actual)
    {
        var fields = new List<string>();
        if (expected.Model != actual.Model) fields.Add("model");
        if (expected.ArchitectureContent != actual.ArchitectureContent) fields.Add("architecture");
        if (expected.WorkloadContent != actual.WorkloadContent) fields.Add("workload");
        if (expected.Partition != actual.Partition) fields.Add("partition");
        if (expected.Batch != actual.Batch) fields.Add("batch");
        if (!expected.Overrides.SequenceEqual(actual.Overrides)) fields.Add("overrides");
        if (expected.Accuracy != actual.Accuracy) fields.Add("accuracy inputs");
        return string.Join(", ", fields);
    }
}

/// <summary>A point file read back: the report when it is trusted, else why not (<see cref="Problem"/>; null and no report: no file).</summary>
public sealed record PointRead(RunReport? Report, string? Problem)
{
    public static readonly PointRead Missing = new(null, null);

    public static PointRead Invalid(string problem) => new(null, problem);
}
