namespace HybridSim.Isa;

/// <summary>Core (PUMA "IMA") opcodes, docs/references.md, PUMA tables 2.1.</summary>
public enum CoreOpcode
{
    Load,
    Store,
    Copy,
    Set,
    Mvm,
    Alu,
    Alui,
    Halt,
}
