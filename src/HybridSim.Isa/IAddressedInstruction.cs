namespace HybridSim.Isa;

/// <summary>An instruction that reads or writes shared memory at an address (load, store, send, receive).</summary>
/// <typeparam name="TInstruction">The instruction family it belongs to (core or tile).</typeparam>
public interface IAddressedInstruction<out TInstruction>
{
    int Address { get; }

    /// <summary>The same instruction at another shared-memory address.</summary>
    TInstruction WithAddress(int address);
}
