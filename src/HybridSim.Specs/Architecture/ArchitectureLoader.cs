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
        if (ArchitectureWarnings.AreErrors)
        {
            errors.AddRange(ArchitectureWarnings.AsErrors(warnings.Sorted()));
        }

        errors.ThrowIfAny();
        return spec! with { Warnings = [.. warnings.Sorted()] };
    }

    private static ArchitectureSpec? Build(ComposedSpec composed, string path, SpecErrorList errors, SpecErrorList warnings)
    {
        var top = SchemaValues.Read(new MappingReader(composed.Root, "", errors), TopFields.Section);
        if (top.Get(TopFields.Version) is var version and > 0 && version != ArchitectureSchema.CurrentVersion && composed.Root[TopFields.Version.Name] is { } versionNode)
        {
            errors.Add(versionNode, TopFields.Version.Name, $"this file is architecture format version {version}; this hybridsim reads version {ArchitectureSchema.CurrentVersion} (a later version needs a later hybridsim)");
        }

        var clock = top.Get(TopFields.Clock);
        double? clockHz = clock > 0 ? clock : null;

        PartitionSpec? partition = null;
        if (top.Section(TopFields.Partition) is { } pr)
        {
            var p = SchemaValues.Read(pr, PartitionFields.Section);
            var freeze = p.Get(PartitionFields.Freeze);
            var rank = p.Get(PartitionFields.Rank);
            if (pr.Has(PartitionFields.Freeze.Name) == pr.Has(PartitionFields.Rank.Name))
            {
                errors.Add(pr.Mapping, pr.Path, $"give exactly one of '{PartitionFields.Freeze.Name}' or '{PartitionFields.Rank.Name}' (e.g. partition: {{freeze: 13}})");
            }
            else if (freeze is { } x)
            {
                partition = PartitionSpec.Freeze(x);
            }
            else if (rank is { } r)
            {
                partition = PartitionSpec.Rank(r);
            }
        }

        TileSpec? analog = null, digital = null;
        if (top.Section(TopFields.Tiles) is { } tr)
        {
            tr.ClockHz = clockHz;
            var tiles = SchemaValues.Read(tr, TilesFields.Section);
            if (tiles.Section(TilesFields.Analog) is { } ar)
            {
                analog = ReadTile(ar, TileKind.Analog, clockHz, warnings);
            }

            if (tiles.Section(TilesFields.Digital) is { } dr)
            {
                digital = ReadTile(dr, TileKind.Digital, clockHz, warnings);
            }

            if (!tr.Has(TilesFields.Analog.Name) && !tr.Has(TilesFields.Digital.Name))
            {
                errors.Add(tr.Mapping, tr.Path, $"no tiles: expected '{TilesFields.Analog.Name}' and/or '{TilesFields.Digital.Name}'");
            }
        }

        NocSpec? noc = null;
        if (top.Section(TopFields.Noc) is { } nr)
        {
            nr.ClockHz = clockHz;
            var n = SchemaValues.Read(nr, NocFields.Section);
            noc = new NocSpec(n.Get(NocFields.Topology), n.Get(NocFields.Concentration), n.Get(NocFields.FlitBits), n.Get(NocFields.PacketWords),
                n.Get(NocFields.LinkFlitsPerCycle), n.Get(NocFields.RouterLatency), n.Get(NocFields.LinkLatency), n.Get(NocFields.TilesPerNode),
                n.Get(NocFields.InterNodeLatency), ReadComponents(n.Section(NocFields.Components), clockHz, ComponentLevel.Noc, TileKind.Analog, ScalingParameters.None(nr.Path), warnings));
            if (noc.Topology == "mesh" && noc.Concentration != 1 && nr.Mapping[NocFields.Concentration.Name] is { } cn)
            {
                errors.Add(cn, nr.ChildPath(NocFields.Concentration.Name), $"a plain mesh has one tile per router; expected concentration 1 or topology cmesh, found {noc.Concentration}");
            }
        }

        var nodeComponents = ImmutableArray<ComponentSpec>.Empty;
        if (top.Section(TopFields.Node) is { } ndr)
        {
            ndr.ClockHz = clockHz;
            nodeComponents = ReadComponents(SchemaValues.Read(ndr, NodeFields.Section).Section(NodeFields.Components), clockHz, ComponentLevel.Node, TileKind.Analog, ScalingParameters.None(ndr.Path), warnings);
        }

        if (errors.HasErrors || noc is null)
        {
            return null;
        }

        var name = top.Get(TopFields.Name) ?? Path.GetFileNameWithoutExtension(path);
        var spec = new ArchitectureSpec(name, path, clock, analog, digital, noc, top.Get(TopFields.ConvMapping), partition, nodeComponents, composed.Variables);
        return TechnologyScaling.Apply(spec, composed.Root, errors, warnings);
    }

    private static TileSpec ReadTile(MappingReader r, TileKind kind, double? clockHz, SpecErrorList warnings)
    {
        r.ClockHz = clockHz;
        var t = SchemaValues.Read(r, TileFields.Section);
        CoreSpec? core = null;
        if (t.Section(TileFields.Core) is { } cr)
        {
            core = ReadCore(cr, kind, clockHz, warnings);
        }

        var wordBits = t.Get(TileFields.WordBits);
        var bytes = t.Get(TileFields.SharedMemory);
        var words = wordBits > 0 ? (int)(bytes * 8 / wordBits) : 0;
        if (wordBits > 0 && bytes * 8 % wordBits != 0 && r.Mapping[TileFields.SharedMemory.Name] is { } sm)
        {
            r.Errors.Add(sm, r.ChildPath(TileFields.SharedMemory.Name), $"shared memory is not a whole number of {wordBits}-bit words");
        }

        return new TileSpec(kind, t.Get(TileFields.Count), t.Get(TileFields.Cores), core!, words, wordBits, t.Get(TileFields.BusWidthWords),
            t.Get(TileFields.SharedMemoryLatency), t.Get(TileFields.SharedMemoryPorts), t.Get(TileFields.ReceiveBufferDepth),
            t.Get(TileFields.InstructionMemoryEntries), ReadComponents(t.Section(TileFields.Components), clockHz, ComponentLevel.Tile, kind,
                ScalingParameters.Of(r, [(TileFields.Cores.Name, t.Get(TileFields.Cores)), (TileFields.WordBits.Name, wordBits)], [(TileFields.SharedMemory.Name, bytes)]), warnings));
    }

    private static CoreSpec ReadCore(MappingReader r, TileKind kind, double? clockHz, SpecErrorList warnings)
    {
        r.ClockHz = clockHz;
        var c = SchemaValues.Read(r, CoreFields.Section);
        // instruction_latency is required: when it is missing the schema has reported it and the spec is not built.
        var il = c.Section(CoreFields.InstructionLatency) is { } ilr ? SchemaValues.Read(ilr, InstructionLatencyFields.Section) : null;
        var latencies = il is null
            ? new InstructionLatencies(0, 0, 0, 0, 0, 0, 0)
            : new InstructionLatencies(il.Get(InstructionLatencyFields.Set), il.Get(InstructionLatencyFields.Copy), il.Get(InstructionLatencyFields.AluPerLaneStep),
                il.Get(InstructionLatencyFields.LoadStorePerAccess), il.Get(InstructionLatencyFields.Halt), il.Get(InstructionLatencyFields.Fetch), il.Get(InstructionLatencyFields.Decode));

        MvmuSpec? mvmu = null;
        if (c.Section(CoreFields.Mvmu) is { } mr)
        {
            mr.ClockHz = clockHz;
            mvmu = kind == TileKind.Analog ? ReadAnalog(mr, clockHz, warnings) : ReadDigital(mr, clockHz, warnings);
        }

        return new CoreSpec(c.Get(CoreFields.Mvmus), mvmu!, c.Get(CoreFields.MvmusConcurrent), c.Get(CoreFields.RegisterFileWords),
            c.Get(CoreFields.InstructionMemoryEntries), c.Get(CoreFields.AluLanes), latencies,
            ReadComponents(c.Section(CoreFields.Components), clockHz, ComponentLevel.Core, kind, ScalingParameters.None(r.Path), warnings));
    }

    private static AnalogMvmuSpec ReadAnalog(MappingReader r, double? clockHz, SpecErrorList warnings)
    {
        var m = SchemaValues.Read(r, AnalogMvmuFields.Section);
        var deviceReader = m.Section(AnalogMvmuFields.Device);
        var device = deviceReader is { } dr ? ReadDevice(dr) : DeviceSpec.Ideal;
        var spec = new AnalogMvmuSpec(m.Get(AnalogMvmuFields.Rows), m.Get(AnalogMvmuFields.Cols), m.Get(AnalogMvmuFields.WeightBits), m.Get(AnalogMvmuFields.InputBits),
            m.Get(AnalogMvmuFields.BitsPerCell), m.Get(AnalogMvmuFields.DacBits), m.Get(AnalogMvmuFields.AdcBits), m.Get(AnalogMvmuFields.Adcs),
            m.Get(AnalogMvmuFields.StackLayers), m.Get(AnalogMvmuFields.PipelineStages),
            ReadComponents(m.Section(AnalogMvmuFields.Components), clockHz, ComponentLevel.Mvmu, TileKind.Analog,
                ConductanceWindow.Add(AnalogParameters(r, m), device, deviceReader), warnings))
        {
            AdcRange = m.Get(AnalogMvmuFields.AdcRangeField),
            AdcRateHz = m.Get(AnalogMvmuFields.AdcRate),
            Device = device,
            Write = m.Section(AnalogMvmuFields.Write) is { } wr ? ReadWrite(wr) : null,
        };
        CheckAnalog(spec, r, warnings);
        return spec;
    }

    private static WriteSpec ReadWrite(MappingReader r)
    {
        var w = SchemaValues.Read(r, WriteFields.Section);
        return new WriteSpec(w.Get(WriteFields.CellEnergy), w.Get(WriteFields.RowLatency), w.Get(WriteFields.Endurance), w.Get(WriteFields.ParallelMvmus), w.Get(WriteFields.Source) ?? "");
    }

    private static DeviceSpec ReadDevice(MappingReader r)
    {
        var d = SchemaValues.Read(r, DeviceFields.Section);
        var spec = new DeviceSpec(d.Get(DeviceFields.ProgrammingSigma), d.Get(DeviceFields.Distribution), d.Get(DeviceFields.StuckAtLowRate),
            d.Get(DeviceFields.StuckAtHighRate), d.Get(DeviceFields.ReadNoiseSigma), d.Get(DeviceFields.OnOffRatio), d.Get(DeviceFields.WireResistance),
            d.Get(DeviceFields.CellResistance), d.Get(DeviceFields.Source) ?? "");
        // Each rate is a fraction from 0 to 1 by the schema; together they may not exceed 1 either.
        if (spec.StuckAtLowRate + spec.StuckAtHighRate > 1)
        {
            r.Errors.Add(r.Mapping, r.Path, "stuck_at_low_rate + stuck_at_high_rate exceeds 1; expected fractions of cells that sum to at most 1");
        }

        var (wire, cell) = (DeviceFields.WireResistance.Name, DeviceFields.CellResistance.Name);
        if (r.Has(wire) != r.Has(cell))
        {
            var missing = r.Has(wire) ? cell : wire;
            r.Errors.Add(r.Mapping, r.ChildPath(missing), $"the wire model needs both wire_resistance and cell_resistance; expected '{missing}' too");
        }

        if (spec.OnOffRatio is <= 1 && r.Mapping[DeviceFields.OnOffRatio.Name] is { } ratio)
        {
            r.Errors.Add(ratio, r.ChildPath(DeviceFields.OnOffRatio.Name), "expected a ratio of highest to lowest conductance above 1");
        }

        if (r.Mapping.Entries.Any(e => e.Name != DeviceFields.Source.Name) && !r.Has(DeviceFields.Source.Name))
        {
            r.Errors.Add(r.Mapping, r.ChildPath(DeviceFields.Source.Name), "missing required field 'source': say where the device figures come from (paper, table, derivation)");
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
            r.Errors.Add(r.Mapping[AnalogMvmuFields.WeightBits.Name] ?? r.Mapping, r.ChildPath(AnalogMvmuFields.WeightBits.Name),
                $"weight_bits {s.WeightBits} is not a multiple of bits_per_cell {s.BitsPerCell}; expected a multiple so weights split into whole cells");
        }

        if (s.Rows > 0 && s.DacBits > 0 && s.BitsPerCell > 0 && s.AdcBits > 0)
        {
            var need = RequiredAdcBits(s.Rows, s.DacBits, s.BitsPerCell);
            if (s.AdcBits < need)
            {
                // A narrow ADC is a legitimate design point for an accuracy study: warn, do not refuse.
                warnings.Add((SpecNode?)(r.Mapping[AnalogMvmuFields.AdcBits.Name] as SpecScalar)?.SetAt ?? r.Mapping, r.ChildPath(AnalogMvmuFields.AdcBits.Name),
                    $"adc_bits {s.AdcBits} is fewer than the {need} bits a {s.Rows}-row crossbar with {s.BitsPerCell}-bit cells and {s.DacBits}-bit DACs needs (log2(rows) + dac_bits + bits_per_cell - 2, ISAAC); column values will be {(s.AdcRange == AdcRange.Full ? "coarsened" : "clipped")} (adc_range: {s.AdcRange.ToString().ToLowerInvariant()})");
            }
        }

        if (s.WeightBits > 0 && s.BitsPerCell > 0 && s.WeightBits % s.BitsPerCell == 0 && s.Component(ComponentCatalogue.Crossbar) is { } xbar && xbar.Count != s.PhysicalCrossbars)
        {
            r.Errors.Add(ComponentNode(r, ComponentCatalogue.Crossbar), r.ChildPath("components.xbar.count"),
                $"xbar count {xbar.Count} does not match weight_bits / bits_per_cell = {s.PhysicalCrossbars}; expected count: {s.PhysicalCrossbars}");
        }

        if (s.Component(ComponentCatalogue.Adc) is { } adc && adc.Count != s.Adcs)
        {
            r.Errors.Add(ComponentNode(r, ComponentCatalogue.Adc), r.ChildPath("components.adc.count"),
                $"adc count {adc.Count} does not match adcs = {s.Adcs}; expected count: {s.Adcs}");
        }
    }

    // The parameters an MVMU's components may be stated for and scale with (ComponentScaling).
    private static ScalingParameters AnalogParameters(MappingReader r, SchemaValues m)
    {
        var parameters = ScalingParameters.Of(r,
            [
            (AnalogMvmuFields.Rows.Name, m.Get(AnalogMvmuFields.Rows)), (AnalogMvmuFields.Cols.Name, m.Get(AnalogMvmuFields.Cols)),
            (AnalogMvmuFields.WeightBits.Name, m.Get(AnalogMvmuFields.WeightBits)), (AnalogMvmuFields.InputBits.Name, m.Get(AnalogMvmuFields.InputBits)),
            (AnalogMvmuFields.BitsPerCell.Name, m.Get(AnalogMvmuFields.BitsPerCell)), (AnalogMvmuFields.DacBits.Name, m.Get(AnalogMvmuFields.DacBits)),
            (AnalogMvmuFields.AdcBits.Name, m.Get(AnalogMvmuFields.AdcBits)), (AnalogMvmuFields.Adcs.Name, m.Get(AnalogMvmuFields.Adcs)),
            (AnalogMvmuFields.StackLayers.Name, m.Get(AnalogMvmuFields.StackLayers)),
            ]);
        var rate = AnalogMvmuFields.AdcRate.Name;
        return m.Get(AnalogMvmuFields.AdcRate) is { } hz
            ? parameters.With(new ScalingParameter(rate, ScalingParameterKind.Frequency, hz, r.Mapping[rate] is SpecScalar s ? s.SetAt : r.Mapping[rate]))
            : parameters.Without(rate, $"set {r.ChildPath(rate)}, the ADC's sampling rate (e.g. 1.28GHz)");
    }

    private static ScalingParameters DigitalParameters(MappingReader r, SchemaValues m) => ScalingParameters.Of(r,
    [
        (DigitalMvmuFields.Rows.Name, m.Get(DigitalMvmuFields.Rows)), (DigitalMvmuFields.Cols.Name, m.Get(DigitalMvmuFields.Cols)),
        (DigitalMvmuFields.WeightBits.Name, m.Get(DigitalMvmuFields.WeightBits)), (DigitalMvmuFields.InputBits.Name, m.Get(DigitalMvmuFields.InputBits)),
        (DigitalMvmuFields.Macs.Name, m.Get(DigitalMvmuFields.Macs)),
    ]);

    private static SpecNode ComponentNode(MappingReader r, string name) =>
        r.Mapping["components"] is SpecMapping cm && cm[name] is SpecMapping c ? (c["count"] ?? c) : r.Mapping;

    private static DigitalMvmuSpec ReadDigital(MappingReader r, double? clockHz, SpecErrorList warnings)
    {
        var m = SchemaValues.Read(r, DigitalMvmuFields.Section);
        var model = m.Get(DigitalMvmuFields.CostModel);
        var needed = model == DigitalCostModel.Table ? DigitalMvmuFields.MvmLatency.Name : DigitalMvmuFields.RowPassLatency.Name;
        if (!r.Has(needed))
        {
            r.Errors.Add((SpecNode?)r.Owner ?? r.Mapping, r.ChildPath(needed),
                $"missing required field '{needed}' for cost_model {DigitalMvmuFields.CostModel.Format(model)}; expected a time (e.g. 514ns)");
        }

        var spec = new DigitalMvmuSpec(m.Get(DigitalMvmuFields.Rows), m.Get(DigitalMvmuFields.Cols), m.Get(DigitalMvmuFields.WeightBits), m.Get(DigitalMvmuFields.InputBits),
            m.Get(DigitalMvmuFields.Macs), model, m.Get(DigitalMvmuFields.MvmLatency), m.Get(DigitalMvmuFields.RowPassLatency),
            ReadComponents(m.Section(DigitalMvmuFields.Components), clockHz, ComponentLevel.Mvmu, TileKind.Digital, DigitalParameters(r, m), warnings))
        {
            Write = m.Section(DigitalMvmuFields.Write) is { } wr ? ReadWrite(wr) : null,
            MacrosPerCore = m.Get(DigitalMvmuFields.MacrosPerCore),
        };
        if (model == DigitalCostModel.Table && spec.Component(ComponentCatalogue.DigitalMvmu) is null)
        {
            r.Errors.Add(r.Mapping, r.ChildPath("components.mvmu"), "cost_model table needs a component 'mvmu' with energy per action 'mvm'");
        }

        if (model == DigitalCostModel.PerMac && (spec.Component(ComponentCatalogue.Sram) is null || spec.Component(ComponentCatalogue.Mac) is null))
        {
            r.Errors.Add(r.Mapping, r.ChildPath("components"), "cost_model per-mac needs components 'sram' (one weight-row read) and 'mac' (one MAC)");
        }

        return spec;
    }

    private static ImmutableArray<ComponentSpec> ReadComponents(MappingReader? r, double? clockHz, ComponentLevel level, TileKind kind, ScalingParameters parameters, SpecErrorList warnings)
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

            ComponentCatalogueValidator.Check(entry, r.ChildPath(entry.Name), level, kind, r.Errors);
            var c = SchemaValues.Read(new MappingReader(cm, r.ChildPath(entry.Name), r.Errors, clockHz) { Owner = entry.Key }, ComponentFields.Section);
            var stated = new ComponentSpec(entry.Name, c.Get(ComponentFields.Count), c.Get(ComponentFields.Latency), c.Get(ComponentFields.Energy),
                c.Get(ComponentFields.Leakage), c.Get(ComponentFields.Area), c.Get(ComponentFields.Source) ?? "");
            list.Add(ComponentScaling.Apply(stated, cm, r.ChildPath(entry.Name), parameters, r.Errors, warnings));
        }

        r.Finish();
        return list.ToImmutable();
    }
}
