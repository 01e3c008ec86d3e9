namespace HybridSim.Isa;

/// <summary>Tile opcodes, puma-model.md section 2.2.</summary>
public enum TileOpcode
{
    Send,
    Receive,
    Halt,
}
