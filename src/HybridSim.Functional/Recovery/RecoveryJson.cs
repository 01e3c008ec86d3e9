using HybridSim.Specs.Output;
using System.Text;
using System.Text.Json;
using HybridSim.Functional.Evaluation;
using HybridSim.Functional.Weights;

namespace HybridSim.Functional.Recovery;

/// <summary>
/// Writes <c>recovery.json</c>: the method and its training, then the accuracy before, after Algorithm 1 (null unless
/// it ran) and after, each an <c>accuracy.json</c> object, and the weight files written.
/// </summary>
public static class RecoveryJson
{
    public static string Serialize(RecoveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("method", RecoveryOptions.Name(report.Method));
            w.WriteNumber("epochs", report.Epochs);
            AccuracyJson.Number(w, "learning_rate", report.LearningRate);
            w.WriteNumber("train_samples", report.TrainSamples);
            w.WriteNumber("trained_parameters", report.TrainedParameters);
            w.WritePropertyName("before");
            AccuracyJson.Write(w, report.Before);
            w.WritePropertyName("after_algorithm1");
            if (report.AfterAlgorithm1 is { } alg1)
            {
                AccuracyJson.Write(w, alg1);
            }
            else
            {
                w.WriteNullValue();
            }

            w.WritePropertyName("after");
            AccuracyJson.Write(w, report.After);
            w.WriteStartArray("weights");
            foreach (var file in report.WeightFiles)
            {
                w.WriteStringValue(file);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static void WriteFile(string path, RecoveryReport report) => SafeFile.WriteAllText(path, Serialize(report));
}
