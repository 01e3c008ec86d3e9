using System.Collections.Immutable;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// A core: Mvmus MVMUs plus register file, instruction memory and vector ALU lanes.
/// Components (per core): <c>register_file</c> (read/write), <c>instruction_memory</c>, <c>alu</c> (actions add, sub, mul, max, relu, ...),
/// <c>activation</c> (sigmoid, tanh), <c>control</c> (per cycle).
/// </summary>
/// <param name="MvmusConcurrent">Whether the MVMUs of one mvm run in parallel (analog: true; PUMA digital: false).</param>
/// <param name="InstructionLatencyCycles">Occupancy in cycles per opcode family for non-MVM instructions.</param>
public sealed record CoreSpec(
    int Mvmus,
    MvmuSpec Mvmu,
    bool MvmusConcurrent,
    int RegisterFileWords,
    int InstructionMemoryEntries,
    int AluLanes,
    InstructionLatencies InstructionLatencyCycles,
    ImmutableArray<ComponentSpec> Components)
{
    public ComponentSpec? Component(string name) => Components.FirstOrDefault(c => c.Name == name);
}
