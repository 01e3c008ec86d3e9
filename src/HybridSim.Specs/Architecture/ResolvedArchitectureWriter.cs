using System.Globalization;
using System.Text;
using HybridSim.Specs.Architecture.Schema;
using HybridSim.Specs.Units;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// Writes <c>resolved-arch.yaml</c>: the architecture with defaults, variables, <c>extends</c>/includes and
/// <c>--set</c> applied, every field explicit, in the loader's own format, so it loads back to the same spec.
/// Deterministic: fixed field order, components in spec order, invariant culture, no timestamps.
/// </summary>
public static class ResolvedArchitectureWriter
{
    public static string Write(ArchitectureSpec spec)
    {
        var w = new Writer();
        w.Line(0, $"# Resolved architecture '{spec.Name}' from {spec.SourceFile}: defaults, variables, extends/includes and --set applied.");
        w.Line(0, $"version: {ArchitectureSchema.CurrentVersion}");
        w.Line(0, $"name: {Q(spec.Name)}");
        if (!spec.Variables.IsEmpty)
        {
            w.Line(0, "variables:   # as resolved; already substituted below");
            foreach (var (k, v) in spec.Variables)
            {
                w.Line(1, $"{k}: {Q(v)}");
            }
        }

        w.Line(0, $"clock: {UnitFormatter.Format(spec.ClockHz, UnitKind.Frequency)}");
        w.Line(0, $"conv_mapping: {(spec.ConvMapping == ConvMappingPolicy.PerOffset ? "per-offset" : "im2col")}");
        if (spec.DefaultPartition is { } p)
        {
            w.Line(0, $"partition: {{{(p.Kind == PartitionKind.Freeze ? "freeze" : "rank")}: {I(p.Value)}}}");
        }

        w.Line(0, "tiles:");
        foreach (var tile in new[] { spec.AnalogTile, spec.DigitalTile })
        {
            if (tile is not null)
            {
                WriteTile(w, tile);
            }
        }

        var n = spec.Noc;
        w.Line(0, "noc:");
        w.Line(1, $"topology: {n.Topology}");
        w.Line(1, $"concentration: {I(n.Concentration)}");
        w.Line(1, $"flit_bits: {I(n.FlitBits)}");
        w.Line(1, $"packet_words: {I(n.PacketWords)}");
        w.Line(1, $"link_flits_per_cycle: {I(n.LinkFlitsPerCycle)}");
        w.Line(1, $"router_latency: {I(n.RouterLatencyCycles)}");
        w.Line(1, $"link_latency: {I(n.LinkLatencyCycles)}");
        w.Line(1, $"tiles_per_node: {I(n.TilesPerNode)}");
        w.Line(1, $"inter_node_latency: {I(n.InterNodeLatencyCycles)}");
        WriteComponents(w, 1, n.Components);
        if (!spec.NodeComponents.IsEmpty)
        {
            w.Line(0, "node:");
            WriteComponents(w, 1, spec.NodeComponents);
        }

        return w.ToString();
    }

    private static void WriteTile(Writer w, TileSpec t)
    {
        w.Line(1, t.Kind == TileKind.Analog ? "analog:" : "digital:");
        w.Line(2, $"count: {(t.Count is { } c ? I(c) : "auto")}");
        w.Line(2, $"cores: {I(t.Cores)}");
        w.Line(2, $"shared_memory: {UnitFormatter.Format((double)t.SharedMemoryWords * t.WordBits / 8, UnitKind.Size)}");
        w.Line(2, $"word_bits: {I(t.WordBits)}");
        w.Line(2, $"bus_width_words: {I(t.BusWidthWords)}");
        w.Line(2, $"shared_memory_latency: {I(t.SharedMemoryLatencyCycles)}");
        w.Line(2, $"shared_memory_ports: {I(t.SharedMemoryPorts)}");
        w.Line(2, $"receive_buffer_depth: {I(t.ReceiveBufferDepth)}");
        w.Line(2, $"instruction_memory_entries: {I(t.InstructionMemoryEntries)}");
        WriteComponents(w, 2, t.Components);
        var core = t.Core;
        w.Line(2, "core:");
        w.Line(3, $"mvmus: {I(core.Mvmus)}");
        w.Line(3, $"mvmus_concurrent: {(core.MvmusConcurrent ? "true" : "false")}");
        w.Line(3, $"register_file_words: {I(core.RegisterFileWords)}");
        w.Line(3, $"instruction_memory_entries: {I(core.InstructionMemoryEntries)}");
        w.Line(3, $"alu_lanes: {I(core.AluLanes)}");
        w.Line(3, "instruction_latency:");
        foreach (var (k, v) in core.InstructionLatencyCycles.Entries())
        {
            w.Line(4, $"{k}: {I(v)}");
        }

        WriteComponents(w, 3, core.Components);
        w.Line(3, "mvmu:");
        var m = core.Mvmu;
        w.Line(4, $"rows: {I(m.Rows)}");
        w.Line(4, $"cols: {I(m.Cols)}");
        w.Line(4, $"weight_bits: {I(m.WeightBits)}");
        w.Line(4, $"input_bits: {I(m.InputBits)}");
        switch (m)
        {
            case AnalogMvmuSpec a:
                w.Line(4, $"bits_per_cell: {I(a.BitsPerCell)}");
                w.Line(4, $"dac_bits: {I(a.DacBits)}");
                w.Line(4, $"adc_bits: {I(a.AdcBits)}");
                w.Line(4, $"adcs: {I(a.Adcs)}");
                w.Line(4, $"stack_layers: {I(a.StackLayers)}");
                w.Line(4, $"pipeline_stages: {I(a.PipelineStages)}");
                w.Line(4, $"adc_range: {(a.AdcRange == AdcRange.Full ? "full" : "clip")}");
                WriteDevice(w, a.Device);
                break;
            case DigitalMvmuSpec d:
                w.Line(4, $"macs: {I(d.Macs)}");
                w.Line(4, $"cost_model: {(d.CostModel == DigitalCostModel.Table ? "table" : "per-mac")}");
                w.Line(4, $"mvm_latency: {UnitFormatter.Format(d.MvmLatencySeconds, UnitKind.Time)}");
                w.Line(4, $"row_pass_latency: {UnitFormatter.Format(d.RowPassSeconds, UnitKind.Time)}");
                if (d.MacrosPerCore is { } macros)
                {
                    w.Line(4, $"macros_per_core: {I(macros)}");
                }

                break;
        }

        WriteWrite(w, m.Write);
        WriteComponents(w, 4, m.Components);
    }

    private static void WriteWrite(Writer w, WriteSpec? write)
    {
        if (write is null)
        {
            return;
        }

        w.Line(4, "write:");
        w.Line(5, $"cell_energy: {UnitFormatter.Format(write.CellEnergyJoules, UnitKind.Energy)}");
        w.Line(5, $"row_latency: {UnitFormatter.Format(write.RowLatencySeconds, UnitKind.Time)}");
        w.Line(5, $"endurance: {write.EnduranceCycles.ToString("R", CultureInfo.InvariantCulture)}");
        w.Line(5, $"parallel_mvmus: {I(write.ParallelMvmus)}");
        w.Line(5, $"source: {Q(write.Source)}");
    }

    private static void WriteDevice(Writer w, DeviceSpec d)
    {
        if (d.IsIdeal)
        {
            w.Line(4, "device: ideal");
            return;
        }

        static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        w.Line(4, "device:");
        w.Line(5, $"programming_sigma: {N(d.ProgrammingSigma)}");
        w.Line(5, $"programming_distribution: {(d.Distribution == ProgrammingDistribution.Lognormal ? "lognormal" : "gaussian")}");
        w.Line(5, $"stuck_at_low_rate: {N(d.StuckAtLowRate)}");
        w.Line(5, $"stuck_at_high_rate: {N(d.StuckAtHighRate)}");
        w.Line(5, $"read_noise_sigma: {N(d.ReadNoiseSigma)}");
        if (d.OnOffRatio is { } ratio)
        {
            w.Line(5, $"on_off_ratio: {N(ratio)}");
        }

        if (d.HasWireModel)
        {
            w.Line(5, $"wire_resistance: {UnitFormatter.Format(d.WireResistanceOhms!.Value, UnitKind.Resistance)}");
            w.Line(5, $"cell_resistance: {UnitFormatter.Format(d.CellResistanceOhms!.Value, UnitKind.Resistance)}");
        }

        w.Line(5, $"source: {Q(d.Source)}");
    }

    private static void WriteComponents(Writer w, int indent, System.Collections.Immutable.ImmutableArray<ComponentSpec> components)
    {
        if (components.IsEmpty)
        {
            return;
        }

        w.Line(indent, "components:");
        foreach (var c in components)
        {
            w.Line(indent + 1, $"{c.Name}:");
            w.Line(indent + 2, $"count: {I(c.Count)}");
            w.Line(indent + 2, $"latency: {UnitFormatter.Format(c.LatencySeconds, UnitKind.Time)}");
            if (!c.EnergyJoules.IsEmpty)
            {
                var parts = c.EnergyJoules.Select(e => $"{e.Key}: {UnitFormatter.Format(e.Value, UnitKind.Energy)}");
                w.Line(indent + 2, $"energy: {{{string.Join(", ", parts)}}}");
            }

            w.Line(indent + 2, $"leakage: {UnitFormatter.Format(c.LeakageWatts, UnitKind.Power)}");
            w.Line(indent + 2, $"area: {UnitFormatter.Format(c.AreaSquareMeters, UnitKind.Area)}");
            w.Line(indent + 2, $"source: {Q(c.Source)}");
        }
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>A double-quoted YAML string.</summary>
    private static string Q(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private sealed class Writer
    {
        private readonly StringBuilder _sb = new();

        public void Line(int indent, string text) => _sb.Append(' ', indent * 2).Append(text).Append('\n');

        public override string ToString() => _sb.ToString();
    }
}
