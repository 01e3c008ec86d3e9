namespace HybridSim.Isa;

/// <summary>
/// One core instruction. Register operands are core register addresses (see <see cref="CoreRegisterMap"/>);
/// shared-memory addresses are tile eDRAM word addresses, given as immediates (PUMA loads them into a register first;
/// docs/model.md says why we do not). <paramref name="Layer"/> is the index of the workload layer it works for
/// (into <c>WorkloadSpec.Layers</c>), or -1, so energy and timing can be attributed per layer.
/// </summary>
public abstract record CoreInstruction(CoreOpcode Opcode, int Layer);

/// <summary>Load Width × Count words from shared memory at Address into registers from Dest; each word must be valid, and its consumer counter is decremented.</summary>
public sealed record LoadInstruction(int Dest, int Address, int Width, int Count, int Layer)
    : CoreInstruction(CoreOpcode.Load, Layer), IAddressedInstruction<CoreInstruction>
{
    public CoreInstruction WithAddress(int address) => this with { Address = address };

    public int Words => Width * Count;
}

/// <summary>Store Width × Count words from registers at Source to shared memory at Address; each word must be invalid, and becomes valid with Consumers readers.</summary>
public sealed record StoreInstruction(int Address, int Source, int Consumers, int Width, int Count, int Layer)
    : CoreInstruction(CoreOpcode.Store, Layer), IAddressedInstruction<CoreInstruction>
{
    public CoreInstruction WithAddress(int address) => this with { Address = address };

    public int Words => Width * Count;
}

/// <summary>Copy Length words between registers (data memory and MVMU buffers).</summary>
public sealed record CopyInstruction(int Dest, int Source, int Length, int Layer)
    : CoreInstruction(CoreOpcode.Copy, Layer);

/// <summary>Write an immediate into Length registers (used for zero padding and constants).</summary>
public sealed record SetInstruction(int Dest, long Value, int Length, int Layer)
    : CoreInstruction(CoreOpcode.Set, Layer);

/// <summary>Run an MVM on every MVMU whose bit is set in Mask (bit i = MVMU i of the core); only those MVMUs work and cost energy.</summary>
public sealed record MvmInstruction(ulong Mask, int Layer)
    : CoreInstruction(CoreOpcode.Mvm, Layer);

/// <summary>Vector operation Dest[i] = Op(Source1[i], Source2[i]) over Length elements (Source2 unused for unary ops).</summary>
public sealed record AluInstruction(AluOp Op, int Dest, int Source1, int Source2, int Length, int Layer)
    : CoreInstruction(CoreOpcode.Alu, Layer);

/// <summary>Vector operation with a scalar immediate: Dest[i] = Op(Source[i], Immediate) over Length elements.</summary>
public sealed record AluImmediateInstruction(AluOp Op, int Dest, int Source, double Immediate, int Length, int Layer)
    : CoreInstruction(CoreOpcode.Alui, Layer);

/// <summary>Stop the core; it stops leaking from here on.</summary>
public sealed record HaltInstruction(int Layer = -1)
    : CoreInstruction(CoreOpcode.Halt, Layer);
