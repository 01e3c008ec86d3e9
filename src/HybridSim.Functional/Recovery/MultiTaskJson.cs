using HybridSim.Specs.Output;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using HybridSim.Functional.Evaluation;
using HybridSim.Functional.Weights;

namespace HybridSim.Functional.Recovery;

/// <summary>Writes <c>multitask.json</c>: per task, W alone and W with its branch (each an <c>accuracy.json</c> object) and the switch's write counts.</summary>
public static class MultiTaskJson
{
    public static string Serialize(ImmutableArray<TaskResult> tasks, ImmutableArray<string> weightFiles)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("method", "multitask");
            w.WriteStartArray("tasks");
            foreach (var t in tasks)
            {
                w.WriteStartObject();
                w.WriteString("task", t.Task.Text);
                w.WriteNumber("train_samples", t.TrainSamples);
                w.WriteNumber("branch_weights_written", t.BranchWeightsWritten);
                w.WriteNumber("rram_weights_rewritten", t.RramWeightsRewritten);
                w.WritePropertyName("without_branch");
                AccuracyJson.Write(w, t.WithoutBranch);
                w.WritePropertyName("with_branch");
                AccuracyJson.Write(w, t.WithBranch);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("weights");
            foreach (var file in weightFiles)
            {
                w.WriteStringValue(file);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static void WriteFile(string path, ImmutableArray<TaskResult> tasks, ImmutableArray<string> weightFiles) =>
        SafeFile.WriteAllText(path, Serialize(tasks, weightFiles));
}
