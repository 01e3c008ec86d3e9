using HybridSim.Specs.Units;

namespace HybridSim.Specs.Architecture.Schema;

/// <summary>A tile template (tiles.analog, tiles.digital).</summary>
public static class TileFields
{
    public static ValueField<TileSpec, int?> Count { get; } = Fields<TileSpec>.IntOrAuto("count", FigureRanges.MaxTiles,
        "tiles of this kind, or auto (fully spatial: as many as the mapping needs)", t => t.Count);

    public static ValueField<TileSpec, int> Cores { get; } = Fields<TileSpec>.Int("cores", FigureRanges.MaxCoresPerTile, "cores per tile (PUMA: 8)", t => t.Cores, required: true);

    /// <summary>Read in bytes; the record holds words of <see cref="WordBits"/> bits.</summary>
    public static ValueField<TileSpec, double> SharedMemory { get; } = Fields<TileSpec>.Quantity("shared_memory", UnitKind.Size, "tile eDRAM size (PUMA: 64KiB)",
        t => (double)t.SharedMemoryWords * t.WordBits / 8, required: true, positive: true);

    public static ValueField<TileSpec, int> WordBits { get; } = Fields<TileSpec>.Int("word_bits", 64, "bits per shared-memory word (PUMA: 16)", t => t.WordBits, required: true);

    public static ValueField<TileSpec, int> BusWidthWords { get; } = Fields<TileSpec>.Int("bus_width_words", FigureRanges.MaxDimension,
        "words one shared-memory access moves (PUMA: 256 bits / 16)", t => t.BusWidthWords, required: true);

    public static ValueField<TileSpec, int> SharedMemoryLatency { get; } = Fields<TileSpec>.Cycles("shared_memory_latency",
        "occupancy of one shared-memory access (PUMA: 2)", t => t.SharedMemoryLatencyCycles, min: 1);

    public static ValueField<TileSpec, int> SharedMemoryPorts { get; } = Fields<TileSpec>.Int("shared_memory_ports", FigureRanges.MaxSharedMemoryPorts,
        "concurrent shared-memory accesses (PUMA: 1)", t => t.SharedMemoryPorts, required: true);

    public static ValueField<TileSpec, int> ReceiveBufferDepth { get; } = Fields<TileSpec>.Int("receive_buffer_depth", FigureRanges.MaxMemoryEntries,
        "receive buffer entries (PUMA: 150)", t => t.ReceiveBufferDepth, required: true);

    public static ValueField<TileSpec, int> InstructionMemoryEntries { get; } = Fields<TileSpec>.Int("instruction_memory_entries", FigureRanges.MaxMemoryEntries,
        "tile instruction memory entries (PUMA: 2048)", t => t.InstructionMemoryEntries, required: true);

    public static SectionField<TileSpec> Components { get; } = Fields<TileSpec>.Components("tile", t => t.Components);

    public static SectionField<TileSpec> Core { get; } = Fields<TileSpec>.Section("core", () => CoreFields.Section, "the core template", t => t.Core, required: true);

    public static RecordSection<TileSpec> Section { get; } = new("tile", "a tile: cores sharing an eDRAM with valid bits and consumer counters",
        [Count, Cores, SharedMemory, WordBits, BusWidthWords, SharedMemoryLatency, SharedMemoryPorts, ReceiveBufferDepth, InstructionMemoryEntries, Components, Core]);
}

/// <summary>A core template (tile.core).</summary>
public static class CoreFields
{
    public static ValueField<CoreSpec, int> Mvmus { get; } = Fields<CoreSpec>.Int("mvmus", FigureRanges.MaxMvmusPerCore,
        "MVMUs per core (PUMA paper: 2; PUMA compiler: 6)", c => c.Mvmus, required: true);

    public static ValueField<CoreSpec, bool> MvmusConcurrent { get; } = Fields<CoreSpec>.Bool("mvmus_concurrent",
        "whether the MVMUs of one mvm run in parallel (PUMA analog: true; PUMA digital: false)", c => c.MvmusConcurrent, def: true);

    public static ValueField<CoreSpec, int> RegisterFileWords { get; } = Fields<CoreSpec>.Int("register_file_words", FigureRanges.MaxMemoryEntries,
        "register file (data memory) words (PUMA: 2048)", c => c.RegisterFileWords, required: true);

    public static ValueField<CoreSpec, int> InstructionMemoryEntries { get; } = Fields<CoreSpec>.Int("instruction_memory_entries", FigureRanges.MaxMemoryEntries,
        "core instruction memory entries (PUMA: 512)", c => c.InstructionMemoryEntries, required: true);

    public static ValueField<CoreSpec, int> AluLanes { get; } = Fields<CoreSpec>.Int("alu_lanes", FigureRanges.MaxDimension, "vector ALU lanes (PUMA: 2 x MVMUs)", c => c.AluLanes, required: true);

    public static SectionField<CoreSpec> InstructionLatency { get; } = Fields<CoreSpec>.Section("instruction_latency", () => InstructionLatencyFields.Section,
        "cycles per non-MVM instruction family", c => c.InstructionLatencyCycles, required: true);

    public static SectionField<CoreSpec> Components { get; } = Fields<CoreSpec>.Components("core", c => c.Components);

    public static SectionField<CoreSpec> Mvmu { get; } = Fields<CoreSpec>.Section("mvmu", "analog_mvmu | digital_mvmu", "the MVMU template", (yaml, indent, core) =>
    {
        switch (core.Mvmu)
        {
            case AnalogMvmuSpec a:
                AnalogMvmuFields.Section.WriteBody(yaml, indent, a);
                break;
            case DigitalMvmuSpec d:
                DigitalMvmuFields.Section.WriteBody(yaml, indent, d);
                break;
            default:
                throw new InvalidOperationException($"no section for MVMU {core.Mvmu.GetType().Name}");
        }
    }, required: true);

    public static RecordSection<CoreSpec> Section { get; } = new("core", "a core: MVMUs, register file, instruction memory, vector ALU",
        [Mvmus, MvmusConcurrent, RegisterFileWords, InstructionMemoryEntries, AluLanes, InstructionLatency, Components, Mvmu]);
}

/// <summary>core.instruction_latency, in ordinal key order (the order the resolved spec lists them).</summary>
public static class InstructionLatencyFields
{
    public static ValueField<InstructionLatencies, int> AluPerLaneStep { get; } = Fields<InstructionLatencies>.Cycles("alu_per_lane_step", "ALU, per ceil(width / lanes) step", l => l.AluPerLaneStep);

    public static ValueField<InstructionLatencies, int> Copy { get; } = Fields<InstructionLatencies>.Cycles("copy", "copy, independent of width", l => l.Copy);

    public static ValueField<InstructionLatencies, int> Decode { get; } = Fields<InstructionLatencies>.Cycles("decode", "instruction decode", l => l.Decode);

    public static ValueField<InstructionLatencies, int> Fetch { get; } = Fields<InstructionLatencies>.Cycles("fetch", "instruction fetch", l => l.Fetch);

    public static ValueField<InstructionLatencies, int> Halt { get; } = Fields<InstructionLatencies>.Cycles("halt", "halt and nop", l => l.Halt);

    public static ValueField<InstructionLatencies, int> LoadStorePerAccess { get; } = Fields<InstructionLatencies>.Cycles("load_store_per_access",
        "load/store, register-file side per access", l => l.LoadStorePerAccess);

    public static ValueField<InstructionLatencies, int> Set { get; } = Fields<InstructionLatencies>.Cycles("set", "set, per vector element", l => l.Set);

    public static RecordSection<InstructionLatencies> Section { get; } = new("instruction_latency", "cycles per instruction family (docs/references.md, PUMA tables 3.3)",
        [AluPerLaneStep, Copy, Decode, Fetch, Halt, LoadStorePerAccess, Set]);
}
