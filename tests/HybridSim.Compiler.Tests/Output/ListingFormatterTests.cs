using HybridSim.Compiler.Output;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;

namespace HybridSim.Compiler.Tests.Output;

public sealed class ListingFormatterTests
{
    private static readonly Specs.Workloads.WorkloadSpec Workload = SmallProgram.Workload();

    [Fact]
    public void Load_line_shows_pc_mnemonic_named_operands_and_the_layer_name()
    {
        var line = ListingFormatter.Format(12, new LoadInstruction(256, 1024, 16, 1, 0), Workload);

        Assert.Equal("     12  load   dest=r256 addr=1024 width=16 count=1" + new string(' ', 16) + "; fc1", line);
    }

    [Fact]
    public void Layer_comments_start_in_one_column_whatever_the_operands()
    {
        var load = ListingFormatter.Format(0, new LoadInstruction(256, 1024, 16, 1, 0), Workload);
        var mvm = ListingFormatter.Format(1, new MvmInstruction(1, 1), Workload);

        Assert.Equal(ListingFormatter.CommentColumn, load.IndexOf(';', StringComparison.Ordinal));
        Assert.Equal(ListingFormatter.CommentColumn, mvm.IndexOf(';', StringComparison.Ordinal));
        Assert.EndsWith("; fc2", mvm, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_operands_keep_three_spaces_before_the_comment()
    {
        var line = ListingFormatter.Format(0, new StoreInstruction(1_048_576, 123_456, 12, 1024, 4096, 0), Workload);

        Assert.EndsWith("addr=1048576 src=r123456 consumers=12 width=1024 count=4096   ; fc1", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Mvm_mask_prints_in_hex()
    {
        Assert.Equal("      3  mvm    mask=0x1f", ListingFormatter.Format(3, new MvmInstruction(0x1F, -1), Workload));
    }

    [Fact]
    public void Instruction_without_a_layer_has_no_comment_and_no_trailing_space()
    {
        Assert.Equal("      7  halt", ListingFormatter.Format(7, new HaltInstruction(), Workload));
        Assert.Equal("      2  halt", ListingFormatter.Format(2, new TileHaltInstruction(), Workload));
        Assert.Equal("      0  copy   dest=r600 src=r512 len=16", ListingFormatter.Format(0, new CopyInstruction(600, 512, 16, -1), Workload));
    }

    [Fact]
    public void Binary_alu_shows_both_sources_and_unary_alu_one()
    {
        Assert.StartsWith("      0  alu    op=max dest=r1 src1=r2 src2=r3 len=4", ListingFormatter.Format(0, new AluInstruction(AluOp.Max, 1, 2, 3, 4, 0), Workload), StringComparison.Ordinal);
        Assert.StartsWith("      0  alu    op=relu6 dest=r1 src=r2 len=4", ListingFormatter.Format(0, new AluInstruction(AluOp.Relu6, 1, 2, 99, 4, 0), Workload), StringComparison.Ordinal);
    }

    [Fact]
    public void Immediates_and_constants_print_in_invariant_round_trip_form()
    {
        Assert.StartsWith("      0  alui   op=mul dest=r5 src=r6 imm=0.1 len=8", ListingFormatter.Format(0, new AluImmediateInstruction(AluOp.Mul, 5, 6, 0.1, 8, 0), Workload), StringComparison.Ordinal);
        Assert.StartsWith("      0  alui   op=sub dest=r5 src=r6 imm=-1E-07 len=8", ListingFormatter.Format(0, new AluImmediateInstruction(AluOp.Sub, 5, 6, -1e-7, 8, 0), Workload), StringComparison.Ordinal);
        Assert.StartsWith("      0  set    dest=r9 value=-32768 len=2", ListingFormatter.Format(0, new SetInstruction(9, -32768, 2, 0), Workload), StringComparison.Ordinal);
    }

    [Fact]
    public void Send_and_receive_name_target_fifo_and_consumers()
    {
        Assert.StartsWith("      0  send   addr=64 target=3 fifo=2 width=16 count=4", ListingFormatter.Format(0, new SendInstruction(64, 3, 2, 16, 4, 0), Workload), StringComparison.Ordinal);
        Assert.StartsWith("      1  receive addr=64 fifo=2 consumers=5 width=16 count=4", ListingFormatter.Format(1, new ReceiveInstruction(64, 2, 5, 16, 4, 1), Workload), StringComparison.Ordinal);
    }

    [Fact]
    public void A_layer_index_outside_the_workload_is_named_as_such()
    {
        Assert.EndsWith("; layer 7 (not in workload tiny-mlp)", ListingFormatter.Format(0, new MvmInstruction(1, 7), Workload), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_opcode_has_a_lower_case_mnemonic()
    {
        Assert.Equal(
            ["load", "store", "copy", "set", "mvm", "alu", "alui", "halt"],
            Enum.GetValues<CoreOpcode>().Select(ListingFormatter.Mnemonic));
        Assert.Equal(["send", "receive", "halt"], Enum.GetValues<TileOpcode>().Select(ListingFormatter.Mnemonic));
        Assert.All(Enum.GetValues<AluOp>(), op => Assert.Equal(op.ToString().ToLowerInvariant(), ListingFormatter.Operation(op)));
    }

    [Fact]
    public void Headers_name_tile_kind_core_and_instruction_count()
    {
        var program = SmallProgram.Build();

        Assert.Equal("; tile 0 (analog) core 1: 2 instructions", ListingFormatter.Header(TileKind.Analog, program.Tiles[0].Cores[1]));
        Assert.Equal("; tile 1 (digital) send/receive engine: 2 instructions", ListingFormatter.Header(program.Tiles[1]));
    }
}
