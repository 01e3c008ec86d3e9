using System.Collections.Immutable;
using HybridSim.Specs.Units;

namespace HybridSim.Specs.Architecture.Schema;

/// <summary>
/// The architecture file format, one table: the loader validates against it and <c>hybridsim describe</c> prints it.
/// Defaults are PUMA's (../shared/reference/puma-model.md section 1) where PUMA has one.
/// </summary>
public static class ArchitectureSchema
{
    /// <summary>An integer field; every one has a largest value (<see cref="FigureRanges"/>), so none can exhaust memory or overflow.</summary>
    private static SchemaField Int(string name, long max, string description, string? def = null, long min = 1, bool required = false) =>
        new(name, FieldKind.Integer, description, required, def, Min: min, Max: max);

    private static SchemaField Cycles(string name, string description, string def, long min = 0) =>
        new(name, FieldKind.Cycles, description, false, def, Min: min, Max: FigureRanges.MaxCycles);

    private static SchemaField Q(string name, UnitKind unit, string description, string? def = null, bool required = false, bool positive = false) =>
        new(name, FieldKind.Quantity, description, required, def, unit, Positive: positive);

    private static SchemaField Sec(string name, string target, string description, bool required = false) =>
        new(name, FieldKind.Section, description, required, Target: target);

    private static SchemaField Components(string parent) =>
        new("components", FieldKind.Components, $"technology figures of the components of one {parent}, by name (section 'component')");

    /// <summary>The architecture file format version this build reads (<c>version:</c>); a later one is refused.</summary>
    public const int CurrentVersion = 1;

    public static SchemaSection Top { get; } = new("architecture", "top level of an architecture file",
    [
        Int("version", 1_000_000, $"format version of the file; this build reads version {CurrentVersion} (a later version needs a later hybridsim)", def: "1"),
        new("name", FieldKind.Text, "name used in reports (default: the file stem)"),
        Q("clock", UnitKind.Frequency, "core clock; one cycle = 1/clock, a whole number of picoseconds", required: true, positive: true) with { MinSi = FigureRanges.MinClockHz },
        new("conv_mapping", FieldKind.Choice, "how convolutions become crossbar matrices: im2col (one unrolled matrix) or per-offset (one MVMU per kernel offset, as the PUMA compiler)", Default: "im2col", Choices: ["im2col", "per-offset"]),
        Sec("partition", "partition", "default RRAM/SRAM partition when the command line gives none"),
        Sec("tiles", "tiles", "tile templates", required: true),
        Sec("noc", "noc", "network on chip joining the tiles", required: true),
        Sec("node", "node", "per-node components (e.g. an off-chip link)"),
    ]);

    public static SchemaSection Partition { get; } = new("partition", "give exactly one of freeze or rank",
    [
        Int("freeze", 1_000_000, "freeze-x: weight layers 1..x on RRAM, the rest on SRAM", min: 0),
        Int("rank", 1_000_000, "LoBranch rank r: every weight on RRAM plus a rank-r branch on SRAM", min: 0),
    ]);

    public static SchemaSection Tiles { get; } = new("tiles", "at least one of analog and digital",
    [
        Sec("analog", "tile", "tile of RRAM crossbar cores (core.mvmu is section 'analog_mvmu')"),
        Sec("digital", "tile", "tile of SRAM MAC cores (core.mvmu is section 'digital_mvmu')"),
    ]);

    public static SchemaSection Tile { get; } = new("tile", "a tile: cores sharing an eDRAM with valid bits and consumer counters",
    [
        new("count", FieldKind.IntegerOrAuto, "tiles of this kind, or auto (fully spatial: as many as the mapping needs)", Required: true, Max: FigureRanges.MaxTiles),
        Int("cores", FigureRanges.MaxCoresPerTile, "cores per tile (PUMA: 8)", required: true),
        Q("shared_memory", UnitKind.Size, "tile eDRAM size (PUMA: 64KiB)", required: true, positive: true),
        Int("word_bits", 64, "bits per shared-memory word (PUMA: 16)", "16"),
        Int("bus_width_words", FigureRanges.MaxDimension, "words one shared-memory access moves (PUMA: 256 bits / 16)", "16"),
        Cycles("shared_memory_latency", "occupancy of one shared-memory access (PUMA: 2)", "2", min: 1),
        Int("shared_memory_ports", FigureRanges.MaxSharedMemoryPorts, "concurrent shared-memory accesses (PUMA: 1)", "1"),
        Int("receive_buffer_depth", FigureRanges.MaxMemoryEntries, "receive buffer entries (PUMA: 150)", "150"),
        Int("instruction_memory_entries", FigureRanges.MaxMemoryEntries, "tile instruction memory entries (PUMA: 2048)", "2048"),
        Sec("core", "core", "the core template", required: true),
        Components("tile"),
    ]);

    public static SchemaSection Core { get; } = new("core", "a core: MVMUs, register file, instruction memory, vector ALU",
    [
        Int("mvmus", FigureRanges.MaxMvmusPerCore, "MVMUs per core (PUMA paper: 2; PUMA compiler: 6)", required: true),
        new("mvmus_concurrent", FieldKind.Boolean, "whether the MVMUs of one mvm run in parallel (PUMA analog: true; PUMA digital: false)", Default: "true"),
        Int("register_file_words", FigureRanges.MaxMemoryEntries, "register file (data memory) words (PUMA: 2048)", "2048"),
        Int("instruction_memory_entries", FigureRanges.MaxMemoryEntries, "core instruction memory entries (PUMA: 512)", "512"),
        Int("alu_lanes", FigureRanges.MaxDimension, "vector ALU lanes (PUMA: 2 x MVMUs)", "4"),
        Sec("instruction_latency", "instruction_latency", "cycles per non-MVM instruction family"),
        Sec("mvmu", "analog_mvmu | digital_mvmu", "the MVMU template", required: true),
        Components("core"),
    ]);

    public static SchemaSection InstructionLatency { get; } = new("instruction_latency", "cycles per instruction family (puma-model.md section 3.3)",
    [
        Cycles("set", "set, per vector element", "1"),
        Cycles("copy", "copy, independent of width", "1"),
        Cycles("alu_per_lane_step", "ALU, per ceil(width / lanes) step", "1"),
        Cycles("load_store_per_access", "load/store, register-file side per access", "1"),
        Cycles("halt", "halt and nop", "1"),
        Cycles("fetch", "instruction fetch", "1"),
        Cycles("decode", "instruction decode", "1"),
    ]);

    public static SchemaSection AnalogMvmu { get; } = new("analog_mvmu", "RRAM crossbar MVMU: weight_bits / bits_per_cell bit-slice crossbars, inputs streamed input_bits / dac_bits steps",
    [
        Int("rows", FigureRanges.MaxDimension, "crossbar rows (inputs)", required: true),
        Int("cols", FigureRanges.MaxDimension, "crossbar columns (outputs)", required: true),
        Int("weight_bits", FigureRanges.MaxBits, "bits per weight; a multiple of bits_per_cell", required: true),
        Int("input_bits", FigureRanges.MaxBits, "bits per input", required: true),
        Int("bits_per_cell", 8, "bits one RRAM cell stores", required: true),
        Int("dac_bits", 16, "DAC resolution (1 = bit-serial inputs)", "1"),
        Int("adc_bits", FigureRanges.MaxBits, "ADC resolution; fewer than log2(rows) + dac_bits + bits_per_cell - 2 (ISAAC, see the loader) is a warning: the ADC clips or coarsens column values", required: true),
        new("adc_range", FieldKind.Choice, "clip: one ADC level per cell level, values above 2^adc_bits - 1 saturate; full: the column's full range rows x (2^bits_per_cell - 1) x (2^dac_bits - 1) scaled onto the ADC's levels", Default: "clip", Choices: ["clip", "full"]),
        Int("adcs", FigureRanges.MaxDimension, "ADCs per MVMU (PUMA: 2)", "2"),
        Int("stack_layers", 1_024, "3D vertical RRAM layers per crossbar (1 = planar)", "1"),
        Int("pipeline_stages", 1_024, "MVM pipeline stages, each one ADC time (PUMA: 3)", "3"),
        Sec("write", "write", "how weights are programmed into the crossbars (run --program): write-verify energy per cell, latency per row, endurance"),
        new("device", FieldKind.Section, "RRAM device non-idealities for the functional (accuracy) model: 'ideal', or a mapping (section 'device'); absent = ideal", Target: "device", Choices: ["ideal"]),
        Components("MVMU (count per MVMU; xbar count = weight_bits / bits_per_cell)"),
    ]);

    private static SchemaField Num(string name, double max, string description, bool positive = false, string? noun = null) =>
        new(name, FieldKind.Number, description, Positive: positive, MinSi: 0, MaxSi: max, Noun: noun);

    /// <summary>design.md section 8: every key optional; a key left out is an effect left out.</summary>
    public static SchemaSection Device { get; } = new("device", "RRAM non-idealities of the analog MVMU's cells (functional model only; design.md section 8)",
    [
        Num("programming_sigma", 10, "standard deviation of a cell's programmed value, in cell levels (gaussian) or of the log of its conductance (lognormal)"),
        new("programming_distribution", FieldKind.Choice, "gaussian: programming_sigma levels added to each cell; lognormal: the cell's conductance times exp(N(0, sigma^2))", Default: "gaussian", Choices: ["gaussian", "lognormal"]),
        Num("stuck_at_low_rate", 1, "fraction of cells stuck at the lowest conductance (level 0)", noun: "fraction of cells"),
        Num("stuck_at_high_rate", 1, "fraction of cells stuck at the highest conductance (level 2^bits_per_cell - 1)", noun: "fraction of cells"),
        Num("read_noise_sigma", 1e6, "standard deviation of the noise on every column value read, in cell levels"),
        Num("on_off_ratio", 1e12, "highest / lowest cell conductance; level 0 conducts 1/on_off_ratio of the highest (absent: level 0 conducts nothing)", positive: true),
        Q("wire_resistance", UnitKind.Resistance, "resistance of one wire segment between adjacent cells (first-order IR-drop model; needs cell_resistance)", positive: true),
        Q("cell_resistance", UnitKind.Resistance, "resistance of a cell at its highest conductance (on state)", positive: true),
        new("source", FieldKind.Text, "where the figures come from (paper, table, derivation)"),
    ]);

    /// <summary>The write action of an MVMU's cells, for <c>run --program</c> (docs/model.md, "Programming the weights").</summary>
    public static SchemaSection Write { get; } = new("write", "programming weights into an MVMU: one row of one array at a time, parallel_mvmus MVMUs of a core at once, all cores at once",
    [
        Q("cell_energy", UnitKind.Energy, "energy to program one cell, verify included: an RRAM cell of bits_per_cell bits (analog) or one SRAM bit cell (digital)", required: true),
        Q("row_latency", UnitKind.Time, "time to program one row of one array, all its columns at once, verify included", required: true, positive: true),
        new("endurance", FieldKind.Number, "write cycles a cell survives", Required: true, Positive: true, MinSi: 0, MaxSi: 1e30, Noun: "write cycles"),
        Int("parallel_mvmus", FigureRanges.MaxMvmusPerCore, "MVMUs of one core programmed at the same time (the write drivers' parallelism)", required: true),
        new("source", FieldKind.Text, "where the figures come from (paper, datasheet, derivation)", Required: true),
    ]);

    public static SchemaSection DigitalMvmu { get; } = new("digital_mvmu", "SRAM digital MVMU: macs fixed-point MACs over a rows x cols weight buffer",
    [
        Int("rows", FigureRanges.MaxDimension, "weight buffer rows (inputs)", required: true),
        Int("cols", FigureRanges.MaxDimension, "weight buffer columns (outputs)", required: true),
        Int("weight_bits", FigureRanges.MaxBits, "bits per weight", required: true),
        Int("input_bits", FigureRanges.MaxBits, "bits per input", required: true),
        Int("macs", FigureRanges.MaxDimension, "parallel MACs", required: true),
        new("cost_model", FieldKind.Choice, "table (PUMA constants_digital.py: component mvmu, action mvm) or per-mac (sram read per row pass + mac per MAC)", Default: "table", Choices: ["table", "per-mac"]),
        Q("mvm_latency", UnitKind.Time, "table model: latency of one full MVM (required for table)"),
        Q("row_pass_latency", UnitKind.Time, "per-mac model: latency of one pass over a weight row (required for per-mac)"),
        Sec("write", "write", "how weights are written into the SRAM (run --program): energy per bit cell, latency per row, endurance"),
        Int("macros_per_core", FigureRanges.MaxMvmusPerCore, "dense SRAM-CIM packing: each MVMU (rows x cols) is one SRAM-CIM macro, and the matrix blocks of a core's mvmus (what an mvm mask addresses) are packed densely into at most this many macros per core, several blocks to a macro (docs/model.md, SRAM-CIM macros); area and leakage follow the macros placed. Absent: every MVMU holds one block and is one macro"),
        Components("MVMU"),
    ]);

    public static SchemaSection Noc { get; } = new("noc", "a (concentrated) mesh with dimension-order routing",
    [
        new("topology", FieldKind.Choice, "mesh or cmesh", Default: "cmesh", Choices: ["mesh", "cmesh"]),
        Int("concentration", 64, "tiles per router (PUMA: 4)", "4"),
        Int("flit_bits", 4_096, "bits per flit (PUMA: 32)", "32"),
        Int("packet_words", FigureRanges.MaxDimension, "data words per packet (PUMA: 16)", "16"),
        Int("link_flits_per_cycle", 1_024, "link bandwidth in flits per cycle", "1"),
        Cycles("router_latency", "cycles per router traversal", "1", min: 1),
        Cycles("link_latency", "cycles per link traversal", "1", min: 1),
        Int("tiles_per_node", FigureRanges.MaxTiles, "tiles one node holds (PUMA: 138)", "138"),
        Cycles("inter_node_latency", "extra cycles of an inter-node hop (PUMA: 36)", "36"),
        Components("router (router, link: action flit; inter_node_link: action packet)"),
    ]);

    public static SchemaSection Node { get; } = new("node", "per-node components", [Components("node")]);

    public static SchemaSection Component { get; } = new("component", "technology figures of one component (SI units inside, explicit units in YAML)",
    [
        Int("count", FigureRanges.MaxComponentCount, "instances per parent (per MVMU, core, tile, router or node)", "1", min: 0),
        Q("latency", UnitKind.Time, "time one action occupies it", "0s"),
        new("energy", FieldKind.EnergyTable, "dynamic energy per action: one energy (action 'access') or a mapping action: energy"),
        Q("leakage", UnitKind.Power, "static power of one instance", "0W"),
        Q("area", UnitKind.Area, "area of one instance", "0mm2"),
        new("source", FieldKind.Text, "where the figures come from (paper, table, derivation)", Required: true),
    ]);

    public static ImmutableArray<SchemaSection> All { get; } =
        [Top, Partition, Tiles, Tile, Core, InstructionLatency, AnalogMvmu, Device, Write, DigitalMvmu, Noc, Node, Component];

    public static SchemaSection? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
