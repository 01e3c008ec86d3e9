namespace HybridSim.Hardware;

/// <summary>
/// Component and action names the models count under; they match the <c>name:</c> of components in <c>arch/*.yaml</c>
/// (see the component lists documented on the spec records) and the action keys of their energy tables.
/// </summary>
public static class ComponentNames
{
    // MVMU level (analog)
    public const string Crossbar = "xbar";
    public const string Adc = "adc";
    public const string Dac = "dac";
    public const string SampleHold = "snh";
    public const string ShiftAdd = "sna";
    public const string InputBuffer = "input_buffer";
    public const string OutputBuffer = "output_buffer";
    public const string LayerSelect = "layer_select";

    // MVMU level (digital)
    public const string DigitalMvmu = "mvmu";
    public const string Sram = "sram";
    public const string Mac = "mac";

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

    // Actions
    public const string Access = "access";
    public const string Read = "read";
    public const string Write = "write";
    public const string Mvm = "mvm";
    public const string Cycle = "cycle";
    public const string Flit = "flit";
    public const string Packet = "packet";
}
