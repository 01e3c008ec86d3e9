using System.Collections.Immutable;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// One component the simulator knows: where an architecture file lists it, the actions the hardware counts on it (the
/// keys its <c>energy:</c> table may have, besides the default <c>access</c>), and whether a timing model reads its
/// <c>latency</c>.
/// </summary>
/// <param name="Name">The <c>components:</c> key, and the name in reports.</param>
/// <param name="Level">The level whose <c>components:</c> list holds it.</param>
/// <param name="TileKinds">For MVMU, core and tile components, the tile kinds whose hardware counts it; empty for the
/// NoC and the node.</param>
/// <param name="Actions">Actions the hardware counts on it; empty for a component with area and leakage only.</param>
/// <param name="Timed">A timing model reads its <c>latency</c> (otherwise a latency given is reported but not used).</param>
/// <param name="Declared">Listed under <c>components:</c>; false for counts priced by another section
/// (<c>cell</c> and <c>row</c>, priced by the MVMU's <c>write</c> figures).</param>
/// <param name="Description">What it is, for <c>hybridsim describe</c>.</param>
public sealed record ComponentEntry(
    string Name,
    ComponentLevel Level,
    ImmutableArray<TileKind> TileKinds,
    ImmutableArray<string> Actions,
    bool Timed,
    bool Declared,
    string Description)
{
    /// <summary>Energy keys accepted although no model counts them, each with the reason (the ALU's <c>div</c>: PUMA's
    /// table prices a divide, the ISA has none). Their figures are read and never used.</summary>
    public ImmutableArray<string> UncountedActions { get; init; } = [];

    /// <summary>The section path of the list it belongs in, e.g. <c>tiles.analog.core.mvmu.components</c>.</summary>
    public string Where => Level switch
    {
        ComponentLevel.Noc => "noc.components",
        ComponentLevel.Node => "node.components",
        _ => string.Join(" | ", TileKinds.Select(k => ComponentCatalogue.SectionPath(Level, k) + ".components")),
    };

    /// <summary>Keys its <c>energy:</c> table accepts: the default <c>access</c> and every counted action.</summary>
    public IEnumerable<string> EnergyKeys => Actions.Prepend(ComponentActions.Access).Concat(UncountedActions).Distinct();
}

/// <summary>
/// Every component the hardware counts or the metrics price, in one table: the names the hardware counts under, the
/// loader checks architecture files against (with did-you-mean), <c>hybridsim describe components</c> prints, and the
/// metrics group. Derived from the hardware's ledger slots (Hardware/Mvmus, Tiles/TileTemplate, Network/NocModel,
/// Programming/WeightProgrammer); a Hardware test fails when a run counts a key the catalogue does not list.
/// A counted component the architecture does not declare is allowed (a design may leave it out): its counts are
/// reported under <c>uncosted_components</c>, as before.
/// </summary>
public static class ComponentCatalogue
{
    // MVMU level (analog)
    public const string Crossbar = "xbar";
    public const string Adc = "adc";
    public const string Dac = "dac";
    public const string SampleHold = "snh";
    public const string ShiftAdd = "sna";
    public const string LayerSelect = "layer_select";

    // MVMU level (both kinds)
    public const string InputBuffer = "input_buffer";
    public const string OutputBuffer = "output_buffer";

    // MVMU level (digital)
    public const string DigitalMvmu = "mvmu";
    public const string Sram = "sram";
    public const string Mac = "mac";

    // Programming the weights (MVMU scope, priced by mvmu.write)
    public const string Cell = "cell";
    public const string Row = "row";

    // Core level
    public const string RegisterFile = "register_file";
    public const string InstructionMemory = "instruction_memory";
    public const string Alu = "alu";
    public const string Activation = "activation";
    public const string CoreControl = "control";

    // Tile level
    public const string Edram = "edram";
    public const string EdramBus = "edram_bus";
    public const string EdramController = "edram_controller";
    public const string AttributeBuffer = "attribute_buffer";
    public const string ReceiveBuffer = "receive_buffer";
    public const string TileInstructionMemory = "tile_instruction_memory";
    public const string TileControl = "tile_control";

    // NoC and node level
    public const string Router = "router";
    public const string Link = "link";
    public const string InterNodeLink = "inter_node_link";
    public const string HyperTransport = "hypertransport";

    private static readonly ImmutableArray<TileKind> AnalogOnly = [TileKind.Analog];
    private static readonly ImmutableArray<TileKind> DigitalOnly = [TileKind.Digital];
    private static readonly ImmutableArray<TileKind> BothKinds = [TileKind.Analog, TileKind.Digital];
    private static readonly ImmutableArray<TileKind> NoKind = [];

    /// <summary>Every entry, by level, then as the hardware counts them.</summary>
    public static ImmutableArray<ComponentEntry> All { get; } =
    [
        Entry(Crossbar, ComponentLevel.Mvmu, AnalogOnly, [ComponentActions.Mvm], "RRAM crossbar, one bit-slice of the weights; one mvm per slice per input bit step"),
        Entry(Adc, ComponentLevel.Mvmu, AnalogOnly, [ComponentActions.Access], "column ADC; one access per column conversion; its latency sets the MVM time", timed: true),
        Entry(Dac, ComponentLevel.Mvmu, AnalogOnly, [ComponentActions.Access], "row DAC; one access per row per input bit step"),
        Entry(SampleHold, ComponentLevel.Mvmu, AnalogOnly, [ComponentActions.Access], "sample-and-hold; one access per column conversion"),
        Entry(ShiftAdd, ComponentLevel.Mvmu, AnalogOnly, [ComponentActions.Access], "shift-and-add; merges bit slices and input bit steps"),
        Entry(LayerSelect, ComponentLevel.Mvmu, AnalogOnly, [ComponentActions.Access], "3D-stacked layer select (stack_layers > 1); its latency adds to the MVM time", timed: true),
        Entry(InputBuffer, ComponentLevel.Mvmu, BothKinds, [ComponentActions.Read, ComponentActions.Write], "MVMU input register"),
        Entry(OutputBuffer, ComponentLevel.Mvmu, BothKinds, [ComponentActions.Read, ComponentActions.Write], "MVMU output register"),
        Entry(DigitalMvmu, ComponentLevel.Mvmu, DigitalOnly, [ComponentActions.Mvm], "SRAM-CIM macro, cost_model table: one mvm per MVM"),
        Entry(Sram, ComponentLevel.Mvmu, DigitalOnly, [ComponentActions.Read, ComponentActions.WeightRead], "SRAM weight array, cost_model per-mac: one read per weight row; with macros_per_core one weight_read per weight a MAC reads"),
        Entry(Mac, ComponentLevel.Mvmu, DigitalOnly, [ComponentActions.Mac], "multiply-accumulate unit, cost_model per-mac: one mac per MAC"),
        Entry(Cell, ComponentLevel.Mvmu, BothKinds, [ComponentActions.Write], "a weight cell written when programming the weights (priced by mvmu.write.cell_energy)", declared: false),
        Entry(Row, ComponentLevel.Mvmu, BothKinds, [ComponentActions.Write], "an array row written when programming the weights (timed by mvmu.write.row_latency)", declared: false),
        Entry(RegisterFile, ComponentLevel.Core, BothKinds, [ComponentActions.Read, ComponentActions.Write], "core register file; one read or write per word"),
        Entry(InstructionMemory, ComponentLevel.Core, BothKinds, [ComponentActions.Read], "core instruction memory; one read per instruction fetched"),
        Entry(Alu, ComponentLevel.Core, BothKinds,
            [ComponentActions.Add, ComponentActions.Sub, ComponentActions.Mul, ComponentActions.Max, ComponentActions.Relu, ComponentActions.Relu6],
            "vector ALU; one action per lane operation, named by the operation") with
        {
            // PUMA's ALU energy table (docs/references.md, PUMA tables 4.3) prices a divide, and the shipped files keep its figure; the ISA
            // has no divide (AluOp), so the figure is accepted and never used.
            UncountedActions = [ComponentActions.Div],
        },
        Entry(Activation, ComponentLevel.Core, BothKinds, [ComponentActions.Sigmoid, ComponentActions.Tanh], "transcendental unit; one action per lane operation"),
        Entry(CoreControl, ComponentLevel.Core, BothKinds, [ComponentActions.Cycle], "core control; one cycle per clock cycle until the core halts"),
        Entry(Edram, ComponentLevel.Tile, BothKinds, [ComponentActions.Read, ComponentActions.Write], "tile shared memory (eDRAM); one read or write per bus-width access"),
        Entry(EdramBus, ComponentLevel.Tile, BothKinds, [ComponentActions.Access], "bus between the cores and the shared memory; one access per shared-memory access"),
        Entry(EdramController, ComponentLevel.Tile, BothKinds, [ComponentActions.Access], "shared-memory controller; one access per shared-memory access"),
        Entry(AttributeBuffer, ComponentLevel.Tile, BothKinds, [ComponentActions.Access], "attributes (valid, count) of shared-memory words; one access per shared-memory access"),
        Entry(ReceiveBuffer, ComponentLevel.Tile, BothKinds, [ComponentActions.Read, ComponentActions.Write], "tile receive buffer; one write per packet received, one read per packet taken"),
        Entry(TileInstructionMemory, ComponentLevel.Tile, BothKinds, [ComponentActions.Read], "tile instruction memory; one read per tile instruction"),
        Entry(TileControl, ComponentLevel.Tile, BothKinds, [ComponentActions.Cycle], "tile control; one cycle per clock cycle until the tile halts"),
        Entry(Router, ComponentLevel.Noc, NoKind, [ComponentActions.Flit], "NoC router; one flit per flit it routes"),
        Entry(Link, ComponentLevel.Noc, NoKind, [ComponentActions.Flit], "NoC link; one flit per flit it carries"),
        Entry(InterNodeLink, ComponentLevel.Noc, NoKind, [ComponentActions.Packet], "link between nodes; one packet per packet crossing nodes"),
        Entry(HyperTransport, ComponentLevel.Node, NoKind, [], "off-node interface; area and leakage only"),
    ];

    /// <summary>The entry of <paramref name="name"/> at <paramref name="level"/> for <paramref name="kind"/> (ignored for
    /// the NoC and the node), or null.</summary>
    public static ComponentEntry? Find(string name, ComponentLevel level, TileKind kind) =>
        All.FirstOrDefault(e => e.Name == name && e.Level == level && (e.TileKinds.IsEmpty || e.TileKinds.Contains(kind)));

    /// <summary>Declared components of one list (what <c>components:</c> under that section may hold).</summary>
    public static IEnumerable<ComponentEntry> At(ComponentLevel level, TileKind kind) =>
        All.Where(e => e.Declared && e.Level == level && (e.TileKinds.IsEmpty || e.TileKinds.Contains(kind)));

    /// <summary>The section of an architecture file that holds a level's list, e.g. <c>tiles.digital.core</c>.</summary>
    public static string SectionPath(ComponentLevel level, TileKind kind)
    {
        var tile = kind == TileKind.Analog ? "tiles.analog" : "tiles.digital";
        return level switch
        {
            ComponentLevel.Mvmu => tile + ".core.mvmu",
            ComponentLevel.Core => tile + ".core",
            ComponentLevel.Tile => tile,
            ComponentLevel.Noc => "noc",
            _ => "node",
        };
    }

    private static ComponentEntry Entry(string name, ComponentLevel level, ImmutableArray<TileKind> kinds, ImmutableArray<string> actions,
        string description, bool timed = false, bool declared = true) =>
        new(name, level, kinds, actions, timed, declared, description);
}
