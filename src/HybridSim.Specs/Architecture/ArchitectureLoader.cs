using System.Collections.Immutable;
using HybridSim.Specs.Architecture.Schema;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// Loads an architecture file (format: <see cref="ArchitectureSchema"/>, composition: <see cref="SpecComposer"/>)
/// into a validated <see cref="ArchitectureSpec"/>, or throws <see cref="SpecException"/> with every problem found.
/// </summary>
public static class ArchitectureLoader
{
    public static ArchitectureSpec Load(string path, IEnumerable<string>? overrides = null)
    {
        var composed = SpecComposer.Compose(path, overrides ?? []);
        return FromComposed(composed, path);
    }

    /// <summary>Builds the spec from an already composed mapping (tests, in-memory files).</summary>
    public static ArchitectureSpec FromComposed(ComposedSpec composed, string path)
    {
        var errors = new SpecErrorList();
        var warnings = new SpecErrorList();
        var spec = Build(composed, path, errors, warnings);
        errors.ThrowIfAny();
        return spec! with { Warnings = [.. warnings.Sorted()] };
    }

    private static ArchitectureSpec? Build(ComposedSpec composed, string path, SpecErrorList errors, SpecErrorList warnings)
    {
        var top = SchemaValues.Read(new MappingReader(composed.Root, "", errors), ArchitectureSchema.Top);
        if (top.Int("version") is var version and > 0 && version != ArchitectureSchema.CurrentVersion && composed.Root["version"] is { } versionNode)
        {
            errors.Add(versionNode, "version", $"this file is architecture format version {version}; this hybridsim reads version {ArchitectureSchema.CurrentVersion} (a later version needs a later hybridsim)");
        }

        var clock = top.Double("clock");
        double? clockHz = clock > 0 ? clock : null;

        PartitionSpec? partition = null;
        if (top.Section("partition") is { } pr)
        {
            var p = SchemaValues.Read(pr, ArchitectureSchema.Partition);
            var hasFreeze = pr.Has("freeze");
            var hasRank = pr.Has("rank");
            if (hasFreeze == hasRank)
            {
                errors.Add(pr.Mapping, pr.Path, "give exactly one of 'freeze' or 'rank' (e.g. partition: {freeze: 13})");
            }
            else
            {
                partition = hasFreeze ? PartitionSpec.Freeze(p.Int("freeze")) : PartitionSpec.Rank(p.Int("rank"));
            }
        }

        TileSpec? analog = null, digital = null;
        if (top.Section("tiles") is { } tr)
        {
            tr.ClockHz = clockHz;
            var tiles = SchemaValues.Read(tr, ArchitectureSchema.Tiles);
            if (tiles.Section("analog") is { } ar)
            {
                analog = ReadTile(ar, TileKind.Analog, clockHz, warnings);
            }

            if (tiles.Section("digital") is { } dr)
            {
                digital = ReadTile(dr, TileKind.Digital, clockHz, warnings);
            }

            if (!tr.Has("analog") && !tr.Has("digital"))
            {
                errors.Add(tr.Mapping, tr.Path, "no tiles: expected 'analog' and/or 'digital'");
            }
        }

        NocSpec? noc = null;
        if (top.Section("noc") is { } nr)
        {
            nr.ClockHz = clockHz;
            var n = SchemaValues.Read(nr, ArchitectureSchema.Noc);
            noc = new NocSpec(n.Text("topology") ?? "cmesh", n.Int("concentration"), n.Int("flit_bits"), n.Int("packet_words"),
                n.Int("link_flits_per_cycle"), n.Int("router_latency"), n.Int("link_latency"), n.Int("tiles_per_node"),
                n.Int("inter_node_latency"), ReadComponents(n.Section("components"), clockHz));
            if (noc.Topology == "mesh" && noc.Concentration != 1 && nr.Mapping["concentration"] is { } cn)
            {
                errors.Add(cn, nr.ChildPath("concentration"), $"a plain mesh has one tile per router; expected concentration 1 or topology cmesh, found {noc.Concentration}");
            }
        }

        var nodeComponents = ImmutableArray<ComponentSpec>.Empty;
        if (top.Section("node") is { } ndr)
        {
            ndr.ClockHz = clockHz;
            nodeComponents = ReadComponents(SchemaValues.Read(ndr, ArchitectureSchema.Node).Section("components"), clockHz);
        }

        if (errors.HasErrors || noc is null)
        {
            return null;
        }

        var name = top.Text("name") ?? Path.GetFileNameWithoutExtension(path);
        var mapping = top.Text("conv_mapping") == "per-offset" ? ConvMappingPolicy.PerOffset : ConvMappingPolicy.Im2Col;
        return new ArchitectureSpec(name, path, clock, analog, digital, noc, mapping, partition, nodeComponents, composed.Variables);
    }

    private static TileSpec ReadTile(MappingReader r, TileKind kind, double? clockHz, SpecErrorList warnings)
    {
        r.ClockHz = clockHz;
        var t = SchemaValues.Read(r, ArchitectureSchema.Tile);
        CoreSpec? core = null;
        if (t.Section("core") is { } cr)
        {
            core = ReadCore(cr, kind, clockHz, warnings);
        }

        var wordBits = t.Int("word_bits");
        var words = wordBits > 0 ? (int)(t.Double("shared_memory") * 8 / wordBits) : 0;
        if (wordBits > 0 && t.Double("shared_memory") * 8 % wordBits != 0 && r.Mapping["shared_memory"] is { } sm)
        {
            r.Errors.Add(sm, r.ChildPath("shared_memory"), $"shared memory is not a whole number of {wordBits}-bit words");
        }

        return new TileSpec(kind, t.IntOrAuto("count"), t.Int("cores"), core!, words, wordBits, t.Int("bus_width_words"),
            t.Int("shared_memory_latency"), t.Int("shared_memory_ports"), t.Int("receive_buffer_depth"),
            t.Int("instruction_memory_entries"), ReadComponents(t.Section("components"), clockHz));
    }

    private static CoreSpec ReadCore(MappingReader r, TileKind kind, double? clockHz, SpecErrorList warnings)
    {
        r.ClockHz = clockHz;
        var c = SchemaValues.Read(r, ArchitectureSchema.Core);
        var il = c.Section("instruction_latency") is { } ilr
            ? SchemaValues.Read(ilr, ArchitectureSchema.InstructionLatency)
            : SchemaValues.Read(new MappingReader(new SpecMapping(r.Mapping.File, r.Mapping.Line, r.Mapping.Column, []), r.ChildPath("instruction_latency"), r.Errors), ArchitectureSchema.InstructionLatency);
        var latencies = new InstructionLatencies(
            il.Int("set"), il.Int("copy"), il.Int("alu_per_lane_step"), il.Int("load_store_per_access"), il.Int("halt"), il.Int("fetch"), il.Int("decode"));

        MvmuSpec? mvmu = null;
        if (c.Section("mvmu") is { } mr)
        {
            mr.ClockHz = clockHz;
            mvmu = kind == TileKind.Analog ? ReadAnalog(mr, clockHz, warnings) : ReadDigital(mr, clockHz);
        }

        return new CoreSpec(c.Int("mvmus"), mvmu!, c.Bool("mvmus_concurrent"), c.Int("register_file_words"),
            c.Int("instruction_memory_entries"), c.Int("alu_lanes"), latencies, ReadComponents(c.Section("components"), clockHz));
    }

    private static AnalogMvmuSpec ReadAnalog(MappingReader r, double? clockHz, SpecErrorList warnings)
    {
        var m = SchemaValues.Read(r, ArchitectureSchema.AnalogMvmu);
        var spec = new AnalogMvmuSpec(m.Int("rows"), m.Int("cols"), m.Int("weight_bits"), m.Int("input_bits"), m.Int("bits_per_cell"),
            m.Int("dac_bits"), m.Int("adc_bits"), m.Int("adcs"), m.Int("stack_layers"), m.Int("pipeline_stages"),
            ReadComponents(m.Section("components"), clockHz))
        {
            AdcRange = m.Text("adc_range") == "full" ? AdcRange.Full : AdcRange.Clip,
            Device = m.Section("device") is { } dr ? ReadDevice(dr) : DeviceSpec.Ideal,
            Write = m.Section("write") is { } wr ? ReadWrite(wr) : null,
        };
        CheckAnalog(spec, r, warnings);
        return spec;
    }

    private static WriteSpec ReadWrite(MappingReader r)
    {
        var w = SchemaValues.Read(r, ArchitectureSchema.Write);
        return new WriteSpec(w.Double("cell_energy"), w.Double("row_latency"), w.OptionalDouble("endurance") ?? 0, w.Int("parallel_mvmus"), w.Text("source") ?? "");
    }

    private static DeviceSpec ReadDevice(MappingReader r)
    {
        var d = SchemaValues.Read(r, ArchitectureSchema.Device);
        var spec = new DeviceSpec(d.OptionalDouble("programming_sigma") ?? 0,
            d.Text("programming_distribution") == "lognormal" ? ProgrammingDistribution.Lognormal : ProgrammingDistribution.Gaussian,
            d.OptionalDouble("stuck_at_low_rate") ?? 0, d.OptionalDouble("stuck_at_high_rate") ?? 0, d.OptionalDouble("read_noise_sigma") ?? 0,
            d.OptionalDouble("on_off_ratio"), d.OptionalDouble("wire_resistance"), d.OptionalDouble("cell_resistance"), d.Text("source") ?? "");
        // Each rate is a fraction from 0 to 1 by the schema; together they may not exceed 1 either.
        if (spec.StuckAtLowRate + spec.StuckAtHighRate > 1)
        {
            r.Errors.Add(r.Mapping, r.Path, "stuck_at_low_rate + stuck_at_high_rate exceeds 1; expected fractions of cells that sum to at most 1");
        }

        if (r.Has("wire_resistance") != r.Has("cell_resistance"))
        {
            var missing = r.Has("wire_resistance") ? "cell_resistance" : "wire_resistance";
            r.Errors.Add(r.Mapping, r.ChildPath(missing), $"the wire model needs both wire_resistance and cell_resistance; expected '{missing}' too");
        }

        if (spec.OnOffRatio is <= 1 && r.Mapping["on_off_ratio"] is { } ratio)
        {
            r.Errors.Add(ratio, r.ChildPath("on_off_ratio"), "expected a ratio of highest to lowest conductance above 1");
        }

        if (r.Mapping.Entries.Any(e => e.Name != "source") && !r.Has("source"))
        {
            r.Errors.Add(r.Mapping, r.ChildPath("source"), "missing required field 'source': say where the device figures come from (paper, table, derivation)");
        }

        return spec;
    }

    /// <summary>
    /// Required ADC resolution for a crossbar column, after ISAAC (Shafiee et al., ISCA 2016, section 5):
    /// a column sums rows products of a dac_bits input and a bits_per_cell cell, which needs
    /// log2(rows) + dac_bits + bits_per_cell bits, one fewer when either is 1 bit; ISAAC's weight-flipping
    /// encoding saves one more. 128 rows, 1-bit DAC, 2-bit cells: 7 + 1 + 2 - 1 - 1 = 8 (PUMA's 8-bit ADC);
    /// 64 rows: 7 (HyperX's 7-bit ADC).
    /// </summary>
    public static int RequiredAdcBits(int rows, int dacBits, int bitsPerCell)
    {
        var log2Rows = (int)Math.Ceiling(Math.Log2(Math.Max(rows, 1)));
        var full = log2Rows + dacBits + bitsPerCell - (dacBits > 1 && bitsPerCell > 1 ? 0 : 1);
        return full - 1;
    }

    private static void CheckAnalog(AnalogMvmuSpec s, MappingReader r, SpecErrorList warnings)
    {
        if (s.BitsPerCell > 0 && s.WeightBits > 0 && s.WeightBits % s.BitsPerCell != 0)
        {
            r.Errors.Add(r.Mapping["weight_bits"] ?? r.Mapping, r.ChildPath("weight_bits"),
                $"weight_bits {s.WeightBits} is not a multiple of bits_per_cell {s.BitsPerCell}; expected a multiple so weights split into whole cells");
        }

        if (s.Rows > 0 && s.DacBits > 0 && s.BitsPerCell > 0 && s.AdcBits > 0)
        {
            var need = RequiredAdcBits(s.Rows, s.DacBits, s.BitsPerCell);
            if (s.AdcBits < need)
            {
                // A narrow ADC is a legitimate design point for an accuracy study: warn, do not refuse.
                warnings.Add(r.Mapping["adc_bits"] ?? r.Mapping, r.ChildPath("adc_bits"),
                    $"adc_bits {s.AdcBits} is fewer than the {need} bits a {s.Rows}-row crossbar with {s.BitsPerCell}-bit cells and {s.DacBits}-bit DACs needs (log2(rows) + dac_bits + bits_per_cell - 2, ISAAC); column values will be {(s.AdcRange == AdcRange.Full ? "coarsened" : "clipped")} (adc_range: {s.AdcRange.ToString().ToLowerInvariant()})");
            }
        }

        if (s.WeightBits > 0 && s.BitsPerCell > 0 && s.WeightBits % s.BitsPerCell == 0 && s.Component("xbar") is { } xbar && xbar.Count != s.PhysicalCrossbars)
        {
            r.Errors.Add(ComponentNode(r, "xbar"), r.ChildPath("components.xbar.count"),
                $"xbar count {xbar.Count} does not match weight_bits / bits_per_cell = {s.PhysicalCrossbars}; expected count: {s.PhysicalCrossbars}");
        }

        if (s.Component("adc") is { } adc && adc.Count != s.Adcs)
        {
            r.Errors.Add(ComponentNode(r, "adc"), r.ChildPath("components.adc.count"),
                $"adc count {adc.Count} does not match adcs = {s.Adcs}; expected count: {s.Adcs}");
        }
    }

    private static SpecNode ComponentNode(MappingReader r, string name) =>
        r.Mapping["components"] is SpecMapping cm && cm[name] is SpecMapping c ? (c["count"] ?? c) : r.Mapping;

    private static DigitalMvmuSpec ReadDigital(MappingReader r, double? clockHz)
    {
        var m = SchemaValues.Read(r, ArchitectureSchema.DigitalMvmu);
        var model = m.Text("cost_model") == "per-mac" ? DigitalCostModel.PerMac : DigitalCostModel.Table;
        var needed = model == DigitalCostModel.Table ? "mvm_latency" : "row_pass_latency";
        if (!r.Has(needed))
        {
            r.Errors.Add((SpecNode?)r.Owner ?? r.Mapping, r.ChildPath(needed), $"missing required field '{needed}' for cost_model {m.Text("cost_model")}; expected a time (e.g. 514ns)");
        }

        var spec = new DigitalMvmuSpec(m.Int("rows"), m.Int("cols"), m.Int("weight_bits"), m.Int("input_bits"), m.Int("macs"), model,
            m.Double("mvm_latency"), m.Double("row_pass_latency"), ReadComponents(m.Section("components"), clockHz))
        {
            Write = m.Section("write") is { } wr ? ReadWrite(wr) : null,
            MacrosPerCore = m.Present("macros_per_core") ? m.Int("macros_per_core") : null,
        };
        if (model == DigitalCostModel.Table && spec.Component("mvmu") is null)
        {
            r.Errors.Add(r.Mapping, r.ChildPath("components.mvmu"), "cost_model table needs a component 'mvmu' with energy per action 'mvm'");
        }

        if (model == DigitalCostModel.PerMac && (spec.Component("sram") is null || spec.Component("mac") is null))
        {
            r.Errors.Add(r.Mapping, r.ChildPath("components"), "cost_model per-mac needs components 'sram' (one weight-row read) and 'mac' (one MAC)");
        }

        return spec;
    }

    private static ImmutableArray<ComponentSpec> ReadComponents(MappingReader? r, double? clockHz)
    {
        if (r is null)
        {
            return [];
        }

        var list = ImmutableArray.CreateBuilder<ComponentSpec>();
        foreach (var entry in r.Mapping.Entries)
        {
            r.Allow(entry.Name);
            if (entry.Value is not SpecMapping cm)
            {
                r.Errors.Add(entry.Value, r.ChildPath(entry.Name), $"expected a component (mapping with count, latency, energy, leakage, area, source), found {entry.Value.KindName}");
                continue;
            }

            var c = SchemaValues.Read(new MappingReader(cm, r.ChildPath(entry.Name), r.Errors, clockHz) { Owner = entry.Key }, ArchitectureSchema.Component);
            list.Add(new ComponentSpec(entry.Name, c.Int("count"), c.Double("latency"), c.Energy("energy"), c.Double("leakage"),
                c.Double("area"), c.Text("source") ?? ""));
        }

        r.Finish();
        return list.ToImmutable();
    }
}
