using HybridSim.Specs.Output;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HybridSim.Functional.Evaluation;
using HybridSim.Functional.Weights;

namespace HybridSim.Functional.Recovery;

/// <summary>
/// Writes <c>multitask.json</c>: per task, W alone and W with its branch (each an <c>accuracy.json</c> object), the
/// switch's write counts and, given a <see cref="SwitchCost"/>, what the switch costs against rewriting W.
/// </summary>
public static class MultiTaskJson
{
    public static string Serialize(ImmutableArray<TaskResult> tasks, ImmutableArray<string> weightFiles, SwitchCost? cost = null)
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
                if (cost is not null)
                {
                    Number(w, "switch_energy_pj", cost.BranchEnergyPj);
                    Number(w, "switch_latency_ns", cost.BranchLatencyNs);
                    Number(w, "switch_endurance_used", cost.BranchEnduranceUsed);
                    Number(w, "rewrite_w_energy_pj", cost.RramEnergyPj);
                    Number(w, "rewrite_w_latency_ns", cost.RramLatencyNs);
                    Number(w, "rewrite_w_endurance_used", cost.RramEnduranceUsed);
                }

                w.WritePropertyName("without_branch");
                AccuracyJson.Write(w, t.WithoutBranch);
                w.WritePropertyName("with_branch");
                AccuracyJson.Write(w, t.WithBranch);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (cost is not null)
            {
                w.WriteStartObject("switch_cost");
                w.WriteStartObject("branch");
                w.WriteNumber("cells_written", cost.BranchCells);
                Number(w, "energy_pj", cost.BranchEnergyPj);
                Number(w, "latency_ns", cost.BranchLatencyNs);
                Number(w, "endurance_used", cost.BranchEnduranceUsed);
                w.WriteEndObject();
                w.WriteStartObject("rewrite_w");
                w.WriteNumber("cells_written", cost.RramCells);
                Number(w, "energy_pj", cost.RramEnergyPj);
                Number(w, "latency_ns", cost.RramLatencyNs);
                Number(w, "endurance_used", cost.RramEnduranceUsed);
                w.WriteEndObject();
                Number(w, "energy_ratio", cost.BranchEnergyPj > 0 ? cost.RramEnergyPj / cost.BranchEnergyPj : 0);
                Number(w, "latency_ratio", cost.BranchLatencyNs > 0 ? cost.RramLatencyNs / cost.BranchLatencyNs : 0);
                w.WriteEndObject();
            }

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

    public static void WriteFile(string path, ImmutableArray<TaskResult> tasks, ImmutableArray<string> weightFiles, SwitchCost? cost = null) =>
        SafeFile.WriteAllText(path, Serialize(tasks, weightFiles, cost));

    /// <summary>A finite double in the shortest round-trip form, invariant culture.</summary>
    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"multitask.json field '{name}' is not finite", nameof(value));
        }

        w.WritePropertyName(name);
        w.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
    }
}
