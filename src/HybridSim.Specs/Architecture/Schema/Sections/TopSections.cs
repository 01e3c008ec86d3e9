using HybridSim.Specs.Units;

namespace HybridSim.Specs.Architecture.Schema;

/// <summary>The top level of an architecture file.</summary>
public static class TopFields
{
    /// <summary>The file format version; a spec is always written as the version this build reads.</summary>
    public static ValueField<ArchitectureSpec, int> Version { get; } = Fields<ArchitectureSpec>.Int("version", 1_000_000,
        $"format version of the file; this build reads version {ArchitectureSchema.CurrentVersion} (a later version needs a later hybridsim)", _ => ArchitectureSchema.CurrentVersion, def: "1");

    public static ValueField<ArchitectureSpec, string?> Name { get; } = Fields<ArchitectureSpec>.Text("name", "name used in reports (default: the file stem)", s => s.Name);

    public static ValueField<ArchitectureSpec, double> Clock { get; } = Fields<ArchitectureSpec>.Quantity("clock", UnitKind.Frequency,
        "core clock; one cycle = 1/clock, a whole number of picoseconds", s => s.ClockHz, required: true, positive: true, minSi: FigureRanges.MinClockHz);

    public static ValueField<ArchitectureSpec, ConvMappingPolicy> ConvMapping { get; } = Fields<ArchitectureSpec>.Choice("conv_mapping",
        "how convolutions become crossbar matrices: im2col (one unrolled matrix) or per-offset (one MVMU per kernel offset, as the PUMA compiler)",
        s => s.ConvMapping, "im2col", ("im2col", ConvMappingPolicy.Im2Col), ("per-offset", ConvMappingPolicy.PerOffset));

    public static SectionField<ArchitectureSpec> Partition { get; } = Fields<ArchitectureSpec>.Section("partition", () => PartitionFields.Section,
        "default RRAM/SRAM partition when the command line gives none", s => s.DefaultPartition, inline: true);

    public static SectionField<ArchitectureSpec> Tiles { get; } = Fields<ArchitectureSpec>.Section("tiles", () => TilesFields.Section, "tile templates", s => s, required: true);

    public static SectionField<ArchitectureSpec> Noc { get; } = Fields<ArchitectureSpec>.Section("noc", () => NocFields.Section, "network on chip joining the tiles", s => s.Noc, required: true);

    public static SectionField<ArchitectureSpec> Node { get; } = Fields<ArchitectureSpec>.Section("node", () => NodeFields.Section,
        "per-node components (e.g. an off-chip link)", s => s.NodeComponents.IsEmpty ? null : s);

    /// <summary>Read by <see cref="TechnologyScaling"/>; resolved-arch.yaml holds the scaled figures, so neither is written back.</summary>
    public static SectionField<ArchitectureSpec> Technology { get; } = new(new SchemaField(TechnologyScaling.TechnologyKey, FieldKind.Text,
        "technology node of the design, in nm (e.g. 22nm); with technology_scaling, every component's energy, leakage and area are scaled from the node its figures are stated for"),
        (_, _, _) => { });

    public static SectionField<ArchitectureSpec> TechnologyTable { get; } = new(new SchemaField(TechnologyScaling.TableKey, FieldKind.Section,
        "stated_for (node of the component figures), vdd (volts at which energies are compared), nodes (NNnm: {area: relative area, energy: [a, b, c] of a relative energy a V^2 + b V + c}) and source"),
        (_, _, _) => { });

    public static RecordSection<ArchitectureSpec> Section { get; } = new("architecture", "top level of an architecture file",
        [Version, Name, Clock, ConvMapping, Partition, Tiles, Noc, Node, Technology, TechnologyTable]);
}

/// <summary>partition: exactly one of freeze or rank.</summary>
public static class PartitionFields
{
    public static ValueField<PartitionSpec, int?> Freeze { get; } = Fields<PartitionSpec>.OptionalInt("freeze", 1_000_000,
        "freeze-x: weight layers 1..x on RRAM, the rest on SRAM", p => p.Kind == PartitionKind.Freeze ? p.Value : null, min: 0);

    public static ValueField<PartitionSpec, int?> Rank { get; } = Fields<PartitionSpec>.OptionalInt("rank", 1_000_000,
        "LoBranch rank r: every weight on RRAM plus a rank-r branch on SRAM", p => p.Kind == PartitionKind.Rank ? p.Value : null, min: 0);

    public static RecordSection<PartitionSpec> Section { get; } = new("partition", "give exactly one of freeze or rank", [Freeze, Rank]);
}

/// <summary>tiles: the analog and digital tile templates.</summary>
public static class TilesFields
{
    public static SectionField<ArchitectureSpec> Analog { get; } = Fields<ArchitectureSpec>.Section("analog", () => TileFields.Section,
        "tile of RRAM crossbar cores (core.mvmu is section 'analog_mvmu')", s => s.AnalogTile);

    public static SectionField<ArchitectureSpec> Digital { get; } = Fields<ArchitectureSpec>.Section("digital", () => TileFields.Section,
        "tile of SRAM MAC cores (core.mvmu is section 'digital_mvmu')", s => s.DigitalTile);

    public static RecordSection<ArchitectureSpec> Section { get; } = new("tiles", "at least one of analog and digital", [Analog, Digital]);
}

/// <summary>node: per-node components.</summary>
public static class NodeFields
{
    public static SectionField<ArchitectureSpec> Components { get; } = Fields<ArchitectureSpec>.Components("node", s => s.NodeComponents);

    public static RecordSection<ArchitectureSpec> Section { get; } = new("node", "per-node components", [Components]);
}

/// <summary>noc: the network on chip.</summary>
public static class NocFields
{
    public static ValueField<NocSpec, string> Topology { get; } = Fields<NocSpec>.Choice("topology", "mesh or cmesh", n => n.Topology, "cmesh", ("mesh", "mesh"), ("cmesh", "cmesh"));

    public static ValueField<NocSpec, int> Concentration { get; } = Fields<NocSpec>.Int("concentration", 64, "tiles per router (PUMA: 4)", n => n.Concentration, required: true);

    public static ValueField<NocSpec, int> FlitBits { get; } = Fields<NocSpec>.Int("flit_bits", 4_096, "bits per flit (PUMA: 32)", n => n.FlitBits, required: true);

    public static ValueField<NocSpec, int> PacketWords { get; } = Fields<NocSpec>.Int("packet_words", FigureRanges.MaxDimension, "data words per packet (PUMA: 16)", n => n.PacketWords, required: true);

    public static ValueField<NocSpec, int> LinkFlitsPerCycle { get; } = Fields<NocSpec>.Int("link_flits_per_cycle", 1_024, "link bandwidth in flits per cycle", n => n.LinkFlitsPerCycle, required: true);

    public static ValueField<NocSpec, int> RouterLatency { get; } = Fields<NocSpec>.Cycles("router_latency", "cycles per router traversal", n => n.RouterLatencyCycles, min: 1);

    public static ValueField<NocSpec, int> LinkLatency { get; } = Fields<NocSpec>.Cycles("link_latency", "cycles per link traversal", n => n.LinkLatencyCycles, min: 1);

    public static ValueField<NocSpec, int> TilesPerNode { get; } = Fields<NocSpec>.Int("tiles_per_node", FigureRanges.MaxTiles, "tiles one node holds (PUMA: 138)", n => n.TilesPerNode, required: true);

    public static ValueField<NocSpec, int> InterNodeLatency { get; } = Fields<NocSpec>.Cycles("inter_node_latency", "extra cycles of an inter-node hop (PUMA: 36)", n => n.InterNodeLatencyCycles);

    public static SectionField<NocSpec> Components { get; } = Fields<NocSpec>.Components("router (router, link: action flit; inter_node_link: action packet)", n => n.Components);

    public static RecordSection<NocSpec> Section { get; } = new("noc", "a (concentrated) mesh with dimension-order routing",
        [Topology, Concentration, FlitBits, PacketWords, LinkFlitsPerCycle, RouterLatency, LinkLatency, TilesPerNode, InterNodeLatency, Components]);
}

/// <summary>component: the technology figures of one component.</summary>
public static class ComponentFields
{
    public static ValueField<ComponentSpec, int> Count { get; } = Fields<ComponentSpec>.Int("count", FigureRanges.MaxComponentCount,
        "instances per parent (per MVMU, core, tile, router or node)", c => c.Count, "1", min: 0);

    public static ValueField<ComponentSpec, double> Latency { get; } = Fields<ComponentSpec>.Quantity("latency", UnitKind.Time, "time one action occupies it", c => c.LatencySeconds, "0s");

    public static ValueField<ComponentSpec, System.Collections.Immutable.ImmutableSortedDictionary<string, double>> Energy { get; } = Fields<ComponentSpec>.Energy("energy",
        "dynamic energy per action: one energy (action 'access') or a mapping action: energy", c => c.EnergyJoules);

    public static ValueField<ComponentSpec, double> Leakage { get; } = Fields<ComponentSpec>.Quantity("leakage", UnitKind.Power, "static power of one instance", c => c.LeakageWatts, "0W");

    public static ValueField<ComponentSpec, double> Area { get; } = Fields<ComponentSpec>.Quantity("area", UnitKind.Area, "area of one instance", c => c.AreaSquareMeters, "0mm2");

    public static ValueField<ComponentSpec, string?> Source { get; } = Fields<ComponentSpec>.Text("source", "where the figures come from (paper, table, derivation)", c => c.Source, required: true);

    /// <summary>Read by <see cref="ComponentScaling"/>; resolved-arch.yaml holds the scaled figures, so neither is written back.</summary>
    public static SectionField<ComponentSpec> StatedFor { get; } = new(new SchemaField(ComponentScaling.StatedForKey, FieldKind.Section,
        "the configuration the figures were stated for, parameter: value of the section holding the list (e.g. {rows: 128, cols: 128}; a tile's shared_memory with its unit). A parameter of the architecture that differs from it is a warning for every figure without a scaling rule for it"),
        (_, _, _) => { });

    public static SectionField<ComponentSpec> Scaling { get; } = new(new SchemaField(ComponentScaling.ScalingKey, FieldKind.Section,
        "how each figure (count, latency, energy, leakage, area) follows the stated_for parameters: figure: {parameter: exponent} gives figure x (value / stated)^exponent (0: independent), {parameter: exp2} gives figure x 2^(value - stated); with a required source"),
        (_, _, _) => { });

    public static RecordSection<ComponentSpec> Section { get; } = new("component", "technology figures of one component (SI units inside, explicit units in YAML)",
        [Count, Latency, Energy, Leakage, Area, Source, StatedFor, Scaling]);
}
