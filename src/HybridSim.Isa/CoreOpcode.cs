namespace HybridSim.Isa;

/// <summary>Core (PUMA "IMA") opcodes, puma-model.md section 2.1.</summary>
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
