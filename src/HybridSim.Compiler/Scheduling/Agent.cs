using HybridSim.Compiler.Dataflow;
using HybridSim.Isa;

namespace HybridSim.Compiler.Scheduling;

/// <summary>
/// Something that executes tasks in a fixed order: a core, or one stream of transfers between two tiles (whose sends and
/// receives land in the two tiles' engine programs in the order the scheduler fires them).
/// </summary>
internal abstract class Agent
{
    public PendingTask Task { get; } = new();

    public bool Finished { get; set; }

    /// <summary>The ring the agent waits on; BlockedOnWrite when it waits for a slot to be freed.</summary>
    public TensorBuffer? BlockedOn { get; set; }

    public bool BlockedOnWrite { get; set; }

    /// <summary>Order among agents (ties in estimated time break by it, so emission is deterministic).</summary>
    public int Id { get; set; }

    /// <summary>Estimated time the agent is free for its next task.</summary>
    public long Clock { get; set; }

    /// <summary>Builds the next task into <see cref="Task"/>; false when the agent has no work left.</summary>
    public abstract bool BuildNext();

    /// <summary>Called after the task fired.</summary>
    public abstract void Advance();

    /// <summary>The core program the agent's core instructions go to, or null for transfer streams.</summary>
    public abstract ProgramText<CoreInstruction>? CoreProgram { get; }
}
