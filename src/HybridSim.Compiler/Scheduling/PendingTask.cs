using HybridSim.Compiler.Isa;

namespace HybridSim.Compiler.Scheduling;

/// <summary>The next piece of work of an agent: its instructions and the shared-memory words they touch.</summary>
internal sealed class PendingTask
{
    public List<CoreInstruction> CoreInstructions { get; } = [];

    public List<(int Tile, TileInstruction Instruction)> EngineInstructions { get; } = [];

    public List<Access> Accesses { get; } = [];

    public bool Built { get; set; }

    public void Clear()
    {
        CoreInstructions.Clear();
        EngineInstructions.Clear();
        Accesses.Clear();
        Built = false;
    }
}
