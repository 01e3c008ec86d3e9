using HybridSim.Specs.Units;

namespace HybridSim.Specs.Architecture.Schema;

/// <summary>core.mvmu of an analog tile: an RRAM crossbar MVMU.</summary>
public static class AnalogMvmuFields
{
    public static ValueField<AnalogMvmuSpec, int> Rows { get; } = Fields<AnalogMvmuSpec>.Int("rows", FigureRanges.MaxDimension, "crossbar rows (inputs)", m => m.Rows, required: true);

    public static ValueField<AnalogMvmuSpec, int> Cols { get; } = Fields<AnalogMvmuSpec>.Int("cols", FigureRanges.MaxDimension, "crossbar columns (outputs)", m => m.Cols, required: true);

    public static ValueField<AnalogMvmuSpec, int> WeightBits { get; } = Fields<AnalogMvmuSpec>.Int("weight_bits", FigureRanges.MaxBits,
        "bits per weight; a multiple of bits_per_cell", m => m.WeightBits, required: true);

    public static ValueField<AnalogMvmuSpec, int> InputBits { get; } = Fields<AnalogMvmuSpec>.Int("input_bits", FigureRanges.MaxBits, "bits per input", m => m.InputBits, required: true);

    public static ValueField<AnalogMvmuSpec, int> BitsPerCell { get; } = Fields<AnalogMvmuSpec>.Int("bits_per_cell", 8, "bits one RRAM cell stores", m => m.BitsPerCell, required: true);

    public static ValueField<AnalogMvmuSpec, int> DacBits { get; } = Fields<AnalogMvmuSpec>.Int("dac_bits", 16, "DAC resolution (1 = bit-serial inputs)", m => m.DacBits, required: true);

    public static ValueField<AnalogMvmuSpec, int> AdcBits { get; } = Fields<AnalogMvmuSpec>.Int("adc_bits", FigureRanges.MaxBits,
        "ADC resolution; fewer than log2(rows) + dac_bits + bits_per_cell - 2 (ISAAC, see the loader) is a warning: the ADC clips or coarsens column values",
        m => m.AdcBits, required: true);

    public static ValueField<AnalogMvmuSpec, int> Adcs { get; } = Fields<AnalogMvmuSpec>.Int("adcs", FigureRanges.MaxDimension, "ADCs per MVMU (PUMA: 2)", m => m.Adcs, required: true);

    public static ValueField<AnalogMvmuSpec, double?> AdcRate { get; } = Fields<AnalogMvmuSpec>.OptionalQuantity("adc_rate", UnitKind.Frequency,
        "ADC sampling rate (conversions per second, e.g. 1.28GHz); a parameter the ADC's figures may be stated for and scale with (power in proportion to rate: Walden's figure of merit), nothing else reads it",
        m => m.AdcRateHz, positive: true);

    public static ValueField<AnalogMvmuSpec, int> StackLayers { get; } = Fields<AnalogMvmuSpec>.Int("stack_layers", 1_024,
        "3D vertical RRAM layers per crossbar (1 = planar)", m => m.StackLayers, required: true);

    public static ValueField<AnalogMvmuSpec, int> PipelineStages { get; } = Fields<AnalogMvmuSpec>.Int("pipeline_stages", 1_024,
        "MVM pipeline stages, each one ADC time (PUMA: 3)", m => m.PipelineStages, required: true);

    public static ValueField<AnalogMvmuSpec, AdcRange> AdcRangeField { get; } = Fields<AnalogMvmuSpec>.Choice("adc_range",
        "clip: one ADC level per cell level, values above 2^adc_bits - 1 saturate; full: the column's full range rows x (2^bits_per_cell - 1) x (2^dac_bits - 1) scaled onto the ADC's levels",
        m => m.AdcRange, "clip", ("clip", AdcRange.Clip), ("full", AdcRange.Full));

    public static SectionField<AnalogMvmuSpec> Device { get; } = Fields<AnalogMvmuSpec>.Section("device", () => DeviceFields.Section,
        "RRAM device non-idealities for the functional (accuracy) model: 'ideal', or a mapping (section 'device'); absent = ideal",
        m => m.Device, word: d => d.IsIdeal ? DeviceFields.IdealWord : null, words: [DeviceFields.IdealWord]);

    public static SectionField<AnalogMvmuSpec> Write { get; } = Fields<AnalogMvmuSpec>.Section("write", () => WriteFields.Section,
        "how weights are programmed into the crossbars (run --program): write-verify energy per cell, latency per row, endurance", m => m.Write);

    public static SectionField<AnalogMvmuSpec> Components { get; } = Fields<AnalogMvmuSpec>.Components("MVMU (count per MVMU; xbar count = weight_bits / bits_per_cell)", m => m.Components);

    public static RecordSection<AnalogMvmuSpec> Section { get; } = new("analog_mvmu",
        "RRAM crossbar MVMU: weight_bits / bits_per_cell bit-slice crossbars, inputs streamed input_bits / dac_bits steps",
        [Rows, Cols, WeightBits, InputBits, BitsPerCell, DacBits, AdcBits, Adcs, AdcRate, StackLayers, PipelineStages, AdcRangeField, Device, Write, Components]);
}

/// <summary>core.mvmu of a digital tile: an SRAM MAC MVMU.</summary>
public static class DigitalMvmuFields
{
    public static ValueField<DigitalMvmuSpec, int> Rows { get; } = Fields<DigitalMvmuSpec>.Int("rows", FigureRanges.MaxDimension, "weight buffer rows (inputs)", m => m.Rows, required: true);

    public static ValueField<DigitalMvmuSpec, int> Cols { get; } = Fields<DigitalMvmuSpec>.Int("cols", FigureRanges.MaxDimension, "weight buffer columns (outputs)", m => m.Cols, required: true);

    public static ValueField<DigitalMvmuSpec, int> WeightBits { get; } = Fields<DigitalMvmuSpec>.Int("weight_bits", FigureRanges.MaxBits, "bits per weight", m => m.WeightBits, required: true);

    public static ValueField<DigitalMvmuSpec, int> InputBits { get; } = Fields<DigitalMvmuSpec>.Int("input_bits", FigureRanges.MaxBits, "bits per input", m => m.InputBits, required: true);

    public static ValueField<DigitalMvmuSpec, int> Macs { get; } = Fields<DigitalMvmuSpec>.Int("macs", FigureRanges.MaxDimension, "parallel MACs", m => m.Macs, required: true);

    public static ValueField<DigitalMvmuSpec, DigitalCostModel> CostModel { get; } = Fields<DigitalMvmuSpec>.Choice("cost_model",
        "table (PUMA constants_digital.py: component mvmu, action mvm) or per-mac (sram read per row pass + mac per MAC)",
        m => m.CostModel, "table", ("table", DigitalCostModel.Table), ("per-mac", DigitalCostModel.PerMac));

    public static ValueField<DigitalMvmuSpec, double> MvmLatency { get; } = Fields<DigitalMvmuSpec>.Quantity("mvm_latency", UnitKind.Time,
        "table model: latency of one full MVM (required for table)", m => m.MvmLatencySeconds);

    public static ValueField<DigitalMvmuSpec, double> RowPassLatency { get; } = Fields<DigitalMvmuSpec>.Quantity("row_pass_latency", UnitKind.Time,
        "per-mac model: latency of one pass over a weight row (required for per-mac)", m => m.RowPassSeconds);

    public static ValueField<DigitalMvmuSpec, int?> MacrosPerCore { get; } = Fields<DigitalMvmuSpec>.OptionalInt("macros_per_core", FigureRanges.MaxMvmusPerCore,
        "dense SRAM-CIM packing: each MVMU (rows x cols) is one SRAM-CIM macro, and the matrix blocks of a core's mvmus (what an mvm mask addresses) are packed densely into at most this many macros per core, several blocks to a macro (docs/model.md, SRAM-CIM macros); area and leakage follow the macros placed. Absent: every MVMU holds one block and is one macro",
        m => m.MacrosPerCore);

    public static SectionField<DigitalMvmuSpec> Write { get; } = Fields<DigitalMvmuSpec>.Section("write", () => WriteFields.Section,
        "how weights are written into the SRAM (run --program): energy per bit cell, latency per row, endurance", m => m.Write);

    public static SectionField<DigitalMvmuSpec> Components { get; } = Fields<DigitalMvmuSpec>.Components("MVMU", m => m.Components);

    public static RecordSection<DigitalMvmuSpec> Section { get; } = new("digital_mvmu", "SRAM digital MVMU: macs fixed-point MACs over a rows x cols weight buffer",
        [Rows, Cols, WeightBits, InputBits, Macs, CostModel, MvmLatency, RowPassLatency, MacrosPerCore, Write, Components]);
}

/// <summary>mvmu.write: programming weights into an MVMU (<c>run --program</c>, docs/model.md, "Programming the weights").</summary>
public static class WriteFields
{
    public static ValueField<WriteSpec, double> CellEnergy { get; } = Fields<WriteSpec>.Quantity("cell_energy", UnitKind.Energy,
        "energy to program one cell, verify included: an RRAM cell of bits_per_cell bits (analog) or one SRAM bit cell (digital)", w => w.CellEnergyJoules, required: true);

    public static ValueField<WriteSpec, double> RowLatency { get; } = Fields<WriteSpec>.Quantity("row_latency", UnitKind.Time,
        "time to program one row of one array, all its columns at once, verify included", w => w.RowLatencySeconds, required: true, positive: true);

    public static ValueField<WriteSpec, double> Endurance { get; } = Fields<WriteSpec>.Number("endurance", 1e30, "write cycles a cell survives", w => w.EnduranceCycles,
        positive: true, noun: "write cycles", required: true);

    public static ValueField<WriteSpec, int> ParallelMvmus { get; } = Fields<WriteSpec>.Int("parallel_mvmus", FigureRanges.MaxMvmusPerCore,
        "MVMUs of one core programmed at the same time (the write drivers' parallelism)", w => w.ParallelMvmus, required: true);

    public static ValueField<WriteSpec, string?> Source { get; } = Fields<WriteSpec>.Text("source", "where the figures come from (paper, datasheet, derivation)", w => w.Source, required: true);

    public static RecordSection<WriteSpec> Section { get; } = new("write",
        "programming weights into an MVMU: one row of one array at a time, parallel_mvmus MVMUs of a core at once, all cores at once",
        [CellEnergy, RowLatency, Endurance, ParallelMvmus, Source]);
}

/// <summary>analog_mvmu.device: the cells' non-idealities; docs/model.md, "Functional model": every key optional, a key left out is an effect left out.</summary>
public static class DeviceFields
{
    /// <summary>The one word <c>device:</c> may be instead of a mapping.</summary>
    public const string IdealWord = "ideal";

    public static ValueField<DeviceSpec, double> ProgrammingSigma { get; } = Fields<DeviceSpec>.Number("programming_sigma", 10,
        "standard deviation of a cell's programmed value, in cell levels (gaussian) or of the log of its conductance (lognormal)", d => d.ProgrammingSigma);

    public static ValueField<DeviceSpec, ProgrammingDistribution> Distribution { get; } = Fields<DeviceSpec>.Choice("programming_distribution",
        "gaussian: programming_sigma levels added to each cell; lognormal: the cell's conductance times exp(N(0, sigma^2))",
        d => d.Distribution, "gaussian", ("gaussian", ProgrammingDistribution.Gaussian), ("lognormal", ProgrammingDistribution.Lognormal));

    public static ValueField<DeviceSpec, double> StuckAtLowRate { get; } = Fields<DeviceSpec>.Number("stuck_at_low_rate", 1,
        "fraction of cells stuck at the lowest conductance (level 0)", d => d.StuckAtLowRate, noun: "fraction of cells");

    public static ValueField<DeviceSpec, double> StuckAtHighRate { get; } = Fields<DeviceSpec>.Number("stuck_at_high_rate", 1,
        "fraction of cells stuck at the highest conductance (level 2^bits_per_cell - 1)", d => d.StuckAtHighRate, noun: "fraction of cells");

    public static ValueField<DeviceSpec, double> ReadNoiseSigma { get; } = Fields<DeviceSpec>.Number("read_noise_sigma", 1e6,
        "standard deviation of the noise on every column value read, in cell levels", d => d.ReadNoiseSigma);

    public static ValueField<DeviceSpec, double?> OnOffRatio { get; } = Fields<DeviceSpec>.OptionalNumber("on_off_ratio", 1e12,
        "highest / lowest cell conductance; level 0 conducts 1/on_off_ratio of the highest (absent: level 0 conducts nothing)", d => d.OnOffRatio, positive: true);

    public static ValueField<DeviceSpec, double?> WireResistance { get; } = Fields<DeviceSpec>.OptionalQuantity("wire_resistance", UnitKind.Resistance,
        "resistance of one wire segment between adjacent cells (first-order IR-drop model; needs cell_resistance)", d => d.HasWireModel ? d.WireResistanceOhms : null, positive: true);

    public static ValueField<DeviceSpec, double?> CellResistance { get; } = Fields<DeviceSpec>.OptionalQuantity("cell_resistance", UnitKind.Resistance,
        "resistance of a cell at its highest conductance (on state)", d => d.HasWireModel ? d.CellResistanceOhms : null, positive: true);

    public static ValueField<DeviceSpec, string?> Source { get; } = Fields<DeviceSpec>.Text("source", "where the figures come from (paper, table, derivation)", d => d.Source);

    public static RecordSection<DeviceSpec> Section { get; } = new("device", "RRAM non-idealities of the analog MVMU's cells (functional model only; docs/model.md, Functional model)",
        [ProgrammingSigma, Distribution, StuckAtLowRate, StuckAtHighRate, ReadNoiseSigma, OnOffRatio, WireResistance, CellResistance, Source]);
}
