using HybridSim.Specs.Output;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Architecture;

namespace HybridSim.Functional.Evaluation;

/// <summary>Writes <c>accuracy.json</c> (docs/model.md, "Functional model"): snake_case fields, invariant numbers, stable order.</summary>
public static class AccuracyJson
{
    public static string Serialize(AccuracyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(w, report);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The report as one JSON object (also nested in <c>recovery.json</c>).</summary>
    internal static void Write(Utf8JsonWriter w, AccuracyReport report)
    {
        w.WriteStartObject();
        w.WriteString("architecture", report.Architecture);
        w.WriteString("workload", report.Workload);
        w.WriteStartObject("partition");
        var freeze = report.Partition.Kind == PartitionKind.Freeze;
        w.WriteString("kind", freeze ? "freeze" : "rank");
        w.WriteNumber(freeze ? "x" : "r", report.Partition.Value);
        w.WriteEndObject();
        w.WriteString("dataset", report.Dataset);
        w.WriteNumber("samples", report.Samples);
        w.WriteNumber("instances", report.Instances);
        Number(w, "accuracy", report.Accuracy);
        Number(w, "accuracy_std", report.AccuracyStd);
        Number(w, "accuracy_min", report.AccuracyMin);
        w.WriteStartArray("accuracy_ci95");
        Value(w, report.AccuracyCi95.Low);
        Value(w, report.AccuracyCi95.High);
        w.WriteEndArray();
        w.WriteStartArray("per_instance");
        foreach (var a in report.PerInstance)
        {
            Value(w, a);
        }

        w.WriteEndArray();
        Number(w, "float_accuracy", report.FloatAccuracy);
        Number(w, "quantized_accuracy", report.QuantizedAccuracy);
        w.WriteStartArray("layers");
        foreach (var l in report.Layers)
        {
            w.WriteStartObject();
            w.WriteString("name", l.Name);
            w.WriteString("placement", l.Placement);
            Number(w, "output_error_rms", l.OutputErrorRms);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("seed", report.Seed);
        w.WriteString("path", report.Path);
        if (report.PathCheck is { } check)
        {
            w.WriteStartObject("path_check");
            w.WriteNumber("samples", check.Samples);
            Number(w, "exact_accuracy", check.ExactAccuracy);
            Number(w, "fast_accuracy", check.FastAccuracy);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>Writes the report atomically (a reader never sees half a file).</summary>
    public static void WriteFile(string path, AccuracyReport report)
    {
        SafeFile.WriteAllText(path, Serialize(report));
    }

    internal static void Number(Utf8JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        Value(w, value);
    }

    // Shortest round-trip text, so equal doubles always print the same.
    internal static void Value(Utf8JsonWriter w, double value) =>
        w.WriteRawValue(double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "null");
}
