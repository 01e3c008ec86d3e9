namespace HybridSim.Specs.Architecture;

/// <summary>
/// Occupancy of a core in cycles per non-MVM instruction family (the arch file's <c>instruction_latency</c> section,
/// docs/references.md, PUMA tables 3.3; keys and order: <see cref="Schema.InstructionLatencyFields"/>). Every field is required.
/// </summary>
/// <param name="Set">set, per vector element.</param>
/// <param name="Copy">copy, independent of width.</param>
/// <param name="AluPerLaneStep">ALU, per ⌈width / lanes⌉ step.</param>
/// <param name="LoadStorePerAccess">load/store, register-file side per access.</param>
/// <param name="Halt">halt and nop.</param>
/// <param name="Fetch">instruction fetch.</param>
/// <param name="Decode">instruction decode.</param>
public sealed record InstructionLatencies(
    int Set,
    int Copy,
    int AluPerLaneStep,
    int LoadStorePerAccess,
    int Halt,
    int Fetch,
    int Decode);
