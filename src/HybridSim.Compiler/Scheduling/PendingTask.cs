using HybridSim.Isa;

namespace HybridSim.Compiler.Scheduling;

/// <summary>The next piece of work of an agent: its instructions and the ring words they touch.</summary>
internal sealed class PendingTask
{
    public List<(CoreInstruction Instruction, Fixup? Fixup)> CoreInstructions { get; } = [];

    public List<(int Tile, TileInstruction Instruction, Fixup Fixup)> EngineInstructions { get; } = [];

    public List<Access> Accesses { get; } = [];

    public bool Built { get; set; }

    /// <summary>Estimated cycles the task occupies its core (or the engines, for a transfer).</summary>
    public long Cycles { get; set; }

    public void Clear()
    {
        CoreInstructions.Clear();
        EngineInstructions.Clear();
        Accesses.Clear();
        Built = false;
        Cycles = 0;
    }
}
