using HybridSim.Specs.Output;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;

namespace HybridSim.Sweeps;

/// <summary>
/// <c>DIR/manifest.json</c>: the expanded plan (every point's key, inputs and swept values), written by every sweep and
/// shard before it runs. <c>merge</c> reads it to rebuild the table from shard folders without the original command.
/// </summary>
public static class SweepManifest
{
    public const string FileName = "manifest.json";

    public static string Write(SweepPlan plan)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("format", "hybridsim-sweep-manifest v1");
            w.WriteString("kind", plan.Kind.ToString().ToLowerInvariant());
            w.WriteStartArray("swept_keys");
            foreach (var key in plan.SweptKeys)
            {
                w.WriteStringValue(key);
            }

            w.WriteEndArray();
            if (plan.MaxAccuracyDrop is { } drop)
            {
                w.WriteNumber("max_accuracy_drop", drop);
            }

            w.WriteStartArray("points");
            foreach (var p in plan.Points)
            {
                w.WriteStartObject();
                w.WriteString("key", p.Key);
                w.WriteString("architecture_path", p.ArchitecturePath);
                w.WriteString("workload", p.Workload);
                if (p.Partition is null)
                {
                    w.WriteNull("partition");
                }
                else
                {
                    w.WriteStartObject("partition");
                    w.WriteString("kind", p.Partition.Kind == PartitionKind.Freeze ? "freeze" : "rank");
                    w.WriteNumber(p.Partition.Kind == PartitionKind.Freeze ? "x" : "r", p.Partition.Value);
                    w.WriteEndObject();
                }

                w.WriteStartArray("overrides");
                foreach (var o in p.Overrides)
                {
                    w.WriteStringValue(o);
                }

                w.WriteEndArray();
                w.WriteStartArray("swept");
                foreach (var s in p.Swept)
                {
                    w.WriteStartArray();
                    w.WriteStringValue(s.Key);
                    w.WriteStringValue(s.Value);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                w.WriteString("group", p.Group);
                w.WriteBoolean("in_table", p.InTable);
                w.WriteString("baseline", p.BaselineKey);
                if (p.ReferenceKey is null)
                {
                    w.WriteNull("reference");
                }
                else
                {
                    w.WriteString("reference", p.ReferenceKey);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static void WriteFile(string directory, SweepPlan plan) => SafeFile.WriteAllText(Path.Combine(directory, FileName), Write(plan));

    public static SweepPlan ReadFile(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new SpecException(new SpecError(path, 0, 0, "", "no sweep manifest here; expected a folder written by 'hybridsim sweep ... --out DIR'"));
        }

        return Read(Specs.Input.InputFile.ReadAllText(path, Metrics.Reports.ReportJson.MaxReportBytes * 16, "", "a sweep manifest"), path);
    }

    public static SweepPlan Read(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var kind = Enum.Parse<SweepKind>(root.GetProperty("kind").GetString()!, ignoreCase: true);
            var keys = root.GetProperty("swept_keys").EnumerateArray().Select(e => e.GetString()!).ToImmutableArray();
            var points = root.GetProperty("points").EnumerateArray().Select(p =>
            {
                var partitionElement = p.GetProperty("partition");
                PartitionSpec? partition = partitionElement.ValueKind == JsonValueKind.Null ? null
                    : partitionElement.GetProperty("kind").GetString() == "freeze" ? PartitionSpec.Freeze(partitionElement.GetProperty("x").GetInt32())
                    : PartitionSpec.Rank(partitionElement.GetProperty("r").GetInt32());
                var reference = p.GetProperty("reference");
                return new SweepPoint(
                    p.GetProperty("key").GetString()!,
                    p.GetProperty("architecture_path").GetString()!,
                    p.GetProperty("workload").GetString()!,
                    partition,
                    p.GetProperty("overrides").EnumerateArray().Select(e => e.GetString()!).ToImmutableArray(),
                    p.GetProperty("swept").EnumerateArray().Select(e => new SweptValue(e[0].GetString()!, e[1].GetString()!)).ToImmutableArray(),
                    p.GetProperty("group").GetString()!,
                    p.GetProperty("in_table").GetBoolean(),
                    p.GetProperty("baseline").GetString()!,
                    reference.ValueKind == JsonValueKind.Null ? null : reference.GetString());
            }).ToImmutableArray();
            double? drop = root.TryGetProperty("max_accuracy_drop", out var d) ? d.GetDouble() : null;
            return new SweepPlan(kind, keys, points) { MaxAccuracyDrop = drop };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new SpecException(new SpecError(source, 0, 0, "", $"not a sweep manifest: {e.Message}"));
        }
    }
}
