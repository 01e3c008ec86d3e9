namespace HybridSim.Isa;

/// <summary>Tile opcodes, docs/references.md, PUMA tables 2.2.</summary>
public enum TileOpcode
{
    Send,
    Receive,
    Halt,
}
