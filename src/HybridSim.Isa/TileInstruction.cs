namespace HybridSim.Isa;

/// <summary>One tile (send/receive engine) instruction; executed in order and blocking, as in PUMA.</summary>
public abstract record TileInstruction(TileOpcode Opcode, int Layer);

/// <summary>
/// Send Count packets of Width words read from shared memory at Address (each word must be valid; its counter is decremented)
/// to tile Target, tagged with FifoId (the sender's tile id).
/// </summary>
public sealed record SendInstruction(int Address, int Target, int FifoId, int Width, int Count, int Layer)
    : TileInstruction(TileOpcode.Send, Layer), IAddressedInstruction<TileInstruction>
{
    public TileInstruction WithAddress(int address) => this with { Address = address };

    public int Words => Width * Count;
}

/// <summary>
/// Receive Count packets of Width words from FIFO FifoId into shared memory at Address (each word must be invalid),
/// marking them valid with Consumers readers.
/// </summary>
public sealed record ReceiveInstruction(int Address, int FifoId, int Consumers, int Width, int Count, int Layer)
    : TileInstruction(TileOpcode.Receive, Layer), IAddressedInstruction<TileInstruction>
{
    public TileInstruction WithAddress(int address) => this with { Address = address };

    public int Words => Width * Count;
}

/// <summary>The tile halts when its cores have halted and its send queue is empty.</summary>
public sealed record TileHaltInstruction(int Layer = -1)
    : TileInstruction(TileOpcode.Halt, Layer);
