using HybridSim.Tests;
using System.Collections.Immutable;
using HybridSim.Compiler.Mapping;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Tests.Output;

/// <summary>
/// A hand-built two-tile program (no compiler needed) that uses every opcode once or more: tile 0 is analog with two
/// cores and holds fc1 (128 → 192), tile 1 is digital with one core and holds fc2 (192 → 128); fc1's output goes from
/// tile 0 to tile 1.
/// Figures are small so the summary can be checked by hand.
/// </summary>
internal static class SmallProgram
{
    public const int CoreInstructionMemory = 512;
    public const int TileInstructionMemory = 2048;
    public const int SharedMemoryWords = 32768;

    public static ArchitectureSpec Architecture(int? analogCount = null) => SpecBuilder.Architecture(
        Tile(TileKind.Analog, SpecBuilder.AnalogMvmu(), analogCount),
        Tile(TileKind.Digital, SpecBuilder.DigitalMvmu(), null),
        SpecBuilder.Noc(),
        name: "small",
        sourceFile: "small.yaml");

    public static WorkloadSpec Workload() => new(
        "tiny-mlp",
        "tiny-mlp.yaml",
        new TensorShape(128, 1, 1),
        [
            Fc("fc1", "input", 192, 1),
            Fc("fc2", "fc1", 128, 2),
        ]);

    public static CompiledProgram Build()
    {
        TileInstruction[] tile0 =
        [
            new SendInstruction(Address: 1024, Target: 1, FifoId: 0, Width: 16, Count: 8, Layer: 0),
            new TileHaltInstruction(),
        ];
        CoreInstruction[] core00 =
        [
            new LoadInstruction(Dest: 0, Address: 0, Width: 16, Count: 8, Layer: 0),
            new SetInstruction(Dest: 512, Value: -1, Length: 4, Layer: 0),
            new MvmInstruction(Mask: 0x3, Layer: 0),
            new AluInstruction(AluOp.Add, Dest: 512, Source1: 256, Source2: 384, Length: 128, Layer: 0),
            new AluInstruction(AluOp.Relu, Dest: 512, Source1: 512, Source2: 0, Length: 128, Layer: 0),
            new StoreInstruction(Address: 1024, Source: 512, Consumers: 1, Width: 16, Count: 8, Layer: 0),
            new HaltInstruction(),
        ];
        CoreInstruction[] core01 =
        [
            new CopyInstruction(Dest: 600, Source: 512, Length: 16, Layer: -1),
            new HaltInstruction(),
        ];
        TileInstruction[] tile1 =
        [
            new ReceiveInstruction(Address: 2048, FifoId: 0, Consumers: 1, Width: 16, Count: 8, Layer: 0),
            new TileHaltInstruction(),
        ];
        CoreInstruction[] core10 =
        [
            new LoadInstruction(Dest: 0, Address: 2048, Width: 16, Count: 8, Layer: 1),
            new MvmInstruction(Mask: 0x3, Layer: 1),
            new AluImmediateInstruction(AluOp.Mul, Dest: 512, Source: 256, Immediate: 0.125, Length: 128, Layer: 1),
            new StoreInstruction(Address: 4096, Source: 512, Consumers: 0, Width: 16, Count: 8, Layer: 1),
            new HaltInstruction(),
        ];

        return new CompiledProgram(
            Architecture(),
            Workload(),
            PartitionSpec.Freeze(1),
            [
                Tile(0, TileKind.Analog, tile0, [core00, core01], [new MemoryRange(0, 128, 1)]),
                Tile(1, TileKind.Digital, tile1, [core10], []),
            ],
            MeshWidth: 2,
            InputTile: 0,
            OutputTile: 1,
            [
                new LayerMapping(0, "fc1", TileKind.Analog, 128, 192, 2, 2, 0.75, [0]),
                new LayerMapping(1, "fc2", TileKind.Digital, 192, 128, 2, 2, 0.75, [1]),
            ]);
    }

    public static TileProgram Tile(int tile, TileKind kind, TileInstruction[] instructions, CoreInstruction[][] cores, MemoryRange[] valid) =>
        new(tile, kind, [.. instructions], [.. cores.Select((c, i) => new CoreProgram(tile, i, [.. c]))], [.. valid]);

    private static TileSpec Tile(TileKind kind, MvmuSpec mvmu, int? count) => SpecBuilder.Tile(
        kind, SpecBuilder.Core(mvmu, concurrent: kind == TileKind.Analog, instructionMemoryEntries: CoreInstructionMemory), count,
        sharedMemoryWords: SharedMemoryWords, instructionMemoryEntries: TileInstructionMemory);

    private static LayerSpec Fc(string name, string input, int outputs, int index) =>
        new(name, LayerKind.Fc, [input], outputs, 0, 0, 0, 0, 1, false, ActivationKind.None, null,
            new TensorShape(index == 1 ? 128 : 192, 1, 1), new TensorShape(outputs, 1, 1), index, false, new SourceLocation("tiny-mlp.yaml", index, 1));
}
