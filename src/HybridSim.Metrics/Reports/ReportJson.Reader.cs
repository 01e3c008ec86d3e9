using HybridSim.Specs.Output;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HybridSim.Specs.Input;
using HybridSim.Specs.Validation;

namespace HybridSim.Metrics.Reports;

/// <summary>The strict reader: every field of the section-5 layout present with its type, anything else an error naming the path.</summary>
public static partial class ReportJson
{
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
