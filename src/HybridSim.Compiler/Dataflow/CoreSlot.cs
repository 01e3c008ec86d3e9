using HybridSim.Isa;

namespace HybridSim.Compiler.Dataflow;

/// <summary>A core given to one operation.</summary>
internal sealed class CoreSlot(int tile, int core, CoreRegisterMap registers)
{
    public int Tile { get; } = tile;

    public int Core { get; } = core;

    public CoreRegisterMap Registers { get; } = registers;

    /// <summary>Matrix operations: the MVMUs of this core, in local index order.</summary>
    public List<MvmuSlot> Mvmus { get; } = [];

    /// <summary>Dense SRAM-CIM packing: the macros the core's blocks fill; null when every MVMU of the core is a macro.</summary>
    public int? SramMacros { get; set; }

    /// <summary>Dense SRAM-CIM packing: where each of the core's MVMU slots sits in its macros, by local index; else empty.</summary>
    public List<SramBlock> SramBlocks { get; } = [];
}
