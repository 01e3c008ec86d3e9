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

    /// <summary>
    /// A core shared by several small matrices (dense SRAM-CIM packing, docs/model.md 3.3): the first MVMU slot and the
    /// first data register (after <see cref="CoreRegisterMap.DataBase"/>) this operation uses; 0 on a core of its own.
    /// </summary>
    public int LocalBase { get; init; }

    /// <inheritdoc cref="LocalBase"/>
    public int DataOffset { get; init; }

    /// <summary>Dense SRAM-CIM packing: where each of this operation's MVMU slots sits in the core's macros, from <see cref="LocalBase"/> on; else empty.</summary>
    public List<SramBlock> SramBlocks { get; } = [];
}
