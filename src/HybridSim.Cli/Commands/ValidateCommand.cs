using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HybridSim.Metrics.Area;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Cli.Commands;

/// <summary>
/// <c>hybridsim validate --arch FILE [--workload FILE|NAME] [--set KEY=VALUE]... [--json]</c>: loads and checks the
/// inputs and prints a summary (tiles, cores, MVMUs, crossbar geometry, area; for a workload its layers, shapes,
/// weight layers and parameters).
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var arch = new Option<string>("--arch") { Description = "Architecture file (arch/*.yaml)", Required = true };
        var workload = new Option<string?>("--workload") { Description = "Workload file or bare name (workloads/NAME.yaml)" };
        var set = new Option<string[]>("--set") { Description = "Override KEY=VALUE (variable name or dotted path); repeatable", AllowMultipleArgumentsPerToken = false };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var command = new Command("validate", "Check an architecture (and a workload) and print a summary.") { arch, workload, set, json };
        command.SetAction(parse => SpecAction.Run(parse.InvocationConfiguration.Error, () =>
        {
            var spec = ArchitectureLoader.Load(parse.GetValue(arch)!, parse.GetValue(set) ?? []);
            CliErrors.PrintWarnings(parse.InvocationConfiguration.Error, spec.Warnings);
            var w = parse.GetValue(workload) is { } name ? LoadWorkload(name) : null;
            var output = parse.InvocationConfiguration.Output;
            output.Write(parse.GetValue(json) ? Json(spec, w) : Text(spec, w));
            return SpecAction.Ok;
        }));
        return command;
    }

    /// <summary>The one call into the workload layer (bare names resolve in the repository's workloads/).</summary>
    public static WorkloadSpec LoadWorkload(string fileOrName) => WorkloadLoader.Load(fileOrName);

    private static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Text(ArchitectureSpec spec, WorkloadSpec? workload)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var area = AreaRollup.Compute(spec);
        sb.Append(inv, $"architecture {spec.Name} ({spec.SourceFile}): valid\n");
        sb.Append(inv, $"  clock {F(spec.ClockHz / 1e9)} GHz, conv mapping {(spec.ConvMapping == ConvMappingPolicy.PerOffset ? "per-offset" : "im2col")}, default partition {spec.DefaultPartition?.ToString() ?? "none"}\n");
        foreach (var tile in new[] { spec.AnalogTile, spec.DigitalTile })
        {
            if (tile is null)
            {
                continue;
            }

            var kind = tile.Kind.ToString().ToLowerInvariant();
            var count = tile.Count?.ToString(inv) ?? "auto";
            sb.Append(inv, $"  {kind} tiles: {count} x {tile.Cores} cores x {tile.Core.Mvmus} MVMUs");
            if (tile.Count is { } n)
            {
                sb.Append(inv, $" = {(long)n * tile.Cores * tile.Core.Mvmus} MVMUs");
            }

            sb.Append('\n');
            switch (tile.Core.Mvmu)
            {
                case AnalogMvmuSpec a:
                    sb.Append(inv, $"    crossbar {a.Rows}x{a.Cols}, {a.WeightBits}-bit weights on {a.PhysicalCrossbars} x {a.BitsPerCell}-bit cells, {a.InputBits}-bit inputs, {a.DacBits}-bit DAC, {a.Adcs} x {a.AdcBits}-bit ADC, {a.StackLayers} stacked layer(s)\n");
                    break;
                case DigitalMvmuSpec d:
                    sb.Append(inv, $"    SRAM {d.Rows}x{d.Cols}, {d.WeightBits}-bit weights, {d.InputBits}-bit inputs, {d.Macs} MACs, cost model {(d.CostModel == DigitalCostModel.Table ? "table" : "per-mac")}\n");
                    break;
            }

            var tileArea = tile.Kind == TileKind.Analog ? area.AnalogTileSquareMeters : area.DigitalTileSquareMeters;
            var coreArea = tile.Kind == TileKind.Analog ? area.AnalogCoreSquareMeters : area.DigitalCoreSquareMeters;
            sb.Append(inv, $"    area per core {F(coreArea * 1e6)} mm2, per tile {F(tileArea * 1e6)} mm2\n");
        }

        sb.Append(inv, $"  noc {spec.Noc.Topology}, concentration {spec.Noc.Concentration}, {spec.Noc.TilesPerNode} tiles per node\n");
        sb.Append(inv, $"  area for the fixed tile counts ({area.AnalogTiles} analog, {area.DigitalTiles} digital, {area.Routers} routers): {F(area.TotalMm2)} mm2\n");
        if (workload is not null)
        {
            sb.Append(inv, $"workload {workload.Name} ({workload.SourceFile}): valid, input {workload.InputShape}\n");
            foreach (var l in workload.Layers)
            {
                var index = l.WeightLayerIndex > 0 ? $"#{l.WeightLayerIndex}{(l.IsProjection ? " (projection)" : "")}" : "";
                sb.Append(inv, $"  {l.Name,-24} {l.Kind.ToString().ToLowerInvariant(),-13} {l.InputShape,-12} -> {l.OutputShape,-12} {index,-18} {l.ParameterCount,10} params\n");
            }

            sb.Append(inv, $"  weight layers: {workload.WeightLayerCount}, parameters: {workload.ParameterCount}\n");
        }

        return sb.ToString();
    }

    public static string Json(ArchitectureSpec spec, WorkloadSpec? workload)
    {
        var area = AreaRollup.Compute(spec);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("architecture", spec.Name);
            w.WriteNumber("clock_hz", spec.ClockHz);
            w.WriteString("conv_mapping", spec.ConvMapping == ConvMappingPolicy.PerOffset ? "per-offset" : "im2col");
            if (spec.DefaultPartition is { } p)
            {
                w.WriteStartObject("partition");
                w.WriteString("kind", p.Kind == PartitionKind.Freeze ? "freeze" : "rank");
                w.WriteNumber(p.Kind == PartitionKind.Freeze ? "x" : "r", p.Value);
                w.WriteEndObject();
            }

            w.WriteStartObject("tiles");
            foreach (var tile in new[] { spec.AnalogTile, spec.DigitalTile })
            {
                if (tile is null)
                {
                    continue;
                }

                w.WriteStartObject(tile.Kind == TileKind.Analog ? "analog" : "digital");
                if (tile.Count is { } n)
                {
                    w.WriteNumber("count", n);
                }
                else
                {
                    w.WriteString("count", "auto");
                }

                w.WriteNumber("cores", tile.Cores);
                w.WriteNumber("mvmus_per_core", tile.Core.Mvmus);
                w.WriteNumber("rows", tile.Core.Mvmu.Rows);
                w.WriteNumber("cols", tile.Core.Mvmu.Cols);
                w.WriteNumber("weight_bits", tile.Core.Mvmu.WeightBits);
                w.WriteNumber("input_bits", tile.Core.Mvmu.InputBits);
                if (tile.Core.Mvmu is AnalogMvmuSpec a)
                {
                    w.WriteNumber("bits_per_cell", a.BitsPerCell);
                    w.WriteNumber("adc_bits", a.AdcBits);
                    w.WriteNumber("stack_layers", a.StackLayers);
                }

                w.WriteNumber("tile_area_mm2", (tile.Kind == TileKind.Analog ? area.AnalogTileSquareMeters : area.DigitalTileSquareMeters) * 1e6);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteNumber("area_mm2", area.TotalMm2);
            w.WriteStartObject("area_by_component_mm2");
            foreach (var (k, v) in area.ByComponent)
            {
                w.WriteNumber(k, v * 1e6);
            }

            w.WriteEndObject();
            if (workload is not null)
            {
                w.WriteString("workload", workload.Name);
                w.WriteNumber("weight_layers", workload.WeightLayerCount);
                w.WriteNumber("parameters", workload.ParameterCount);
                w.WriteStartArray("layers");
                foreach (var l in workload.Layers)
                {
                    w.WriteStartObject();
                    w.WriteString("name", l.Name);
                    w.WriteString("kind", l.Kind.ToString().ToLowerInvariant());
                    w.WriteString("input_shape", l.InputShape.ToString());
                    w.WriteString("output_shape", l.OutputShape.ToString());
                    w.WriteNumber("weight_layer", l.WeightLayerIndex);
                    w.WriteNumber("parameters", l.ParameterCount);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
