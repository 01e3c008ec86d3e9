using System.Globalization;
using System.Text;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Output;

/// <summary>
/// Formats instructions as readable listing lines (<c>DIR/tile&lt;N&gt;/core&lt;M&gt;.asm</c>, <c>DIR/tile&lt;N&gt;/tile.asm</c>):
/// program counter, mnemonic, named operands, then <c>; layer</c> when the instruction works for a layer.
/// Register operands print as <c>r&lt;address&gt;</c>, shared-memory addresses as plain word addresses, MVM masks in hex;
/// numbers in invariant culture. Example: <c>     12  load   dest=r256 addr=1024 width=16 count=1                ; conv1</c>.
/// The Append methods write into a caller's buffer without allocating, for programs with millions of instructions.
/// </summary>
public static class ListingFormatter
{
    /// <summary>Width of the program counter column.</summary>
    public const int PcWidth = 7;

    /// <summary>Width the mnemonic is padded to (one space always follows it).</summary>
    public const int MnemonicWidth = 6;

    /// <summary>Column (from the start of the line) where the <c>; layer</c> comment starts, when the operands leave room.</summary>
    public const int CommentColumn = PcWidth + 2 + MnemonicWidth + 1 + 52;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Mnemonic(CoreOpcode opcode) => opcode switch
    {
        CoreOpcode.Load => "load",
        CoreOpcode.Store => "store",
        CoreOpcode.Copy => "copy",
        CoreOpcode.Set => "set",
        CoreOpcode.Mvm => "mvm",
        CoreOpcode.Alu => "alu",
        CoreOpcode.Alui => "alui",
        CoreOpcode.Halt => "halt",
        _ => throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "unknown core opcode"),
    };

    public static string Mnemonic(TileOpcode opcode) => opcode switch
    {
        TileOpcode.Send => "send",
        TileOpcode.Receive => "receive",
        TileOpcode.Halt => "halt",
        _ => throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "unknown tile opcode"),
    };

    public static string Operation(AluOp op) => op switch
    {
        AluOp.Add => "add",
        AluOp.Sub => "sub",
        AluOp.Mul => "mul",
        AluOp.Max => "max",
        AluOp.Relu => "relu",
        AluOp.Relu6 => "relu6",
        AluOp.Sigmoid => "sigmoid",
        AluOp.Tanh => "tanh",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown ALU operation"),
    };

    /// <summary>Whether <paramref name="op"/> reads a second vector (the listing omits <c>src2</c> of unary operations).</summary>
    public static bool IsBinary(AluOp op) => op is AluOp.Add or AluOp.Sub or AluOp.Mul or AluOp.Max;

    /// <summary>One core instruction as a listing line (no line end).</summary>
    public static string Format(int pc, CoreInstruction instruction, WorkloadSpec workload)
    {
        var sb = new StringBuilder(96);
        Append(sb, pc, instruction, workload);
        return sb.ToString();
    }

    /// <summary>One tile instruction as a listing line (no line end).</summary>
    public static string Format(int pc, TileInstruction instruction, WorkloadSpec workload)
    {
        var sb = new StringBuilder(96);
        Append(sb, pc, instruction, workload);
        return sb.ToString();
    }

    /// <summary>Appends one core instruction as a listing line (no line end).</summary>
    public static void Append(StringBuilder sb, int pc, CoreInstruction instruction, WorkloadSpec workload)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(instruction);
        var start = sb.Length;
        Lead(sb, pc, Mnemonic(instruction.Opcode));
        switch (instruction)
        {
            case LoadInstruction l:
                sb.Append(Inv, $"dest=r{l.Dest} addr={l.Address} width={l.Width} count={l.Count}");
                break;
            case StoreInstruction s:
                sb.Append(Inv, $"addr={s.Address} src=r{s.Source} consumers={s.Consumers} width={s.Width} count={s.Count}");
                break;
            case CopyInstruction c:
                sb.Append(Inv, $"dest=r{c.Dest} src=r{c.Source} len={c.Length}");
                break;
            case SetInstruction s:
                sb.Append(Inv, $"dest=r{s.Dest} value={s.Value} len={s.Length}");
                break;
            case MvmInstruction m:
                sb.Append(Inv, $"mask=0x{m.Mask:x}");
                break;
            case AluInstruction a when IsBinary(a.Op):
                sb.Append(Inv, $"op={Operation(a.Op)} dest=r{a.Dest} src1=r{a.Source1} src2=r{a.Source2} len={a.Length}");
                break;
            case AluInstruction a:
                sb.Append(Inv, $"op={Operation(a.Op)} dest=r{a.Dest} src=r{a.Source1} len={a.Length}");
                break;
            case AluImmediateInstruction a:
                sb.Append(Inv, $"op={Operation(a.Op)} dest=r{a.Dest} src=r{a.Source} imm={a.Immediate:R} len={a.Length}");
                break;
            case HaltInstruction:
                break;
            default:
                throw new ArgumentException($"no listing format for {instruction.GetType().Name}", nameof(instruction));
        }

        Comment(sb, start, instruction.Layer, workload);
    }

    /// <summary>Appends one tile instruction as a listing line (no line end).</summary>
    public static void Append(StringBuilder sb, int pc, TileInstruction instruction, WorkloadSpec workload)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(instruction);
        var start = sb.Length;
        Lead(sb, pc, Mnemonic(instruction.Opcode));
        switch (instruction)
        {
            case SendInstruction s:
                sb.Append(Inv, $"addr={s.Address} target={s.Target} fifo={s.FifoId} width={s.Width} count={s.Count}");
                break;
            case ReceiveInstruction r:
                sb.Append(Inv, $"addr={r.Address} fifo={r.FifoId} consumers={r.Consumers} width={r.Width} count={r.Count}");
                break;
            case TileHaltInstruction:
                break;
            default:
                throw new ArgumentException($"no listing format for {instruction.GetType().Name}", nameof(instruction));
        }

        Comment(sb, start, instruction.Layer, workload);
    }

    /// <summary>The first line of a core listing: <c>; tile 3 (analog) core 1: 120 instructions</c>.</summary>
    public static string Header(TileKind kind, CoreProgram core)
    {
        ArgumentNullException.ThrowIfNull(core);
        return string.Create(Inv, $"; tile {core.Tile} ({Kind(kind)}) core {core.Core}: {core.Instructions.Length} instructions");
    }

    /// <summary>The first line of a tile listing: <c>; tile 3 (analog) send/receive engine: 14 instructions</c>.</summary>
    public static string Header(TileProgram tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        return string.Create(Inv, $"; tile {tile.Tile} ({Kind(tile.Kind)}) send/receive engine: {tile.Instructions.Length} instructions");
    }

    /// <summary>Lower-case tile kind as the outputs spell it: <c>analog</c> or <c>digital</c>.</summary>
    public static string Kind(TileKind kind) => kind == TileKind.Analog ? "analog" : "digital";

    private static void Lead(StringBuilder sb, int pc, string mnemonic)
    {
        sb.Append(Inv, $"{pc,PcWidth}  ");
        sb.Append(mnemonic);
        sb.Append(' ', Math.Max(MnemonicWidth - mnemonic.Length, 0) + 1);
    }

    private static void Comment(StringBuilder sb, int start, int layer, WorkloadSpec workload)
    {
        if (layer < 0)
        {
            TrimEnd(sb, start);
            return;
        }

        TrimEnd(sb, start);
        sb.Append(' ', Math.Max(CommentColumn - (sb.Length - start), 3));
        var layers = workload.Layers;
        if (layer < layers.Length)
        {
            sb.Append("; ").Append(layers[layer].Name);
        }
        else
        {
            sb.Append(Inv, $"; layer {layer} (not in workload {workload.Name})");
        }
    }

    /// <summary>Drops the padding a bare mnemonic (halt) leaves, so lines never end in spaces.</summary>
    private static void TrimEnd(StringBuilder sb, int start)
    {
        while (sb.Length > start && sb[^1] == ' ')
        {
            sb.Length--;
        }
    }
}
