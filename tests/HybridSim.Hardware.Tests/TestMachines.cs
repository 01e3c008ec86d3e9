using HybridSim.Tests;
using System.Collections.Immutable;
using HybridSim.Compiler;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Hardware.Tests;

/// <summary>
/// Small hand-built architectures with PUMA's figures (docs/references.md, PUMA tables 3 and 4.3) and programs, so expected
/// cycles and energies can be computed by hand in the tests.
/// </summary>
internal static class TestMachines
{
    public const double Pj = 1e-12;
    public const double Ns = 1e-9;
    public const double Mw = 1e-3;
    public const double Mm2 = 1e-6;

    public static ComponentSpec C(string name, int count, double energyPj, double latencyNs = 0, double leakMw = 0, double areaMm2 = 0) =>
        new(name, count, latencyNs * Ns, ImmutableSortedDictionary<string, double>.Empty.Add("access", energyPj * Pj), leakMw * Mw, areaMm2 * Mm2, "test");

    public static ComponentSpec C2(string name, int count, string a1, double e1, string a2, double e2) =>
        new(name, count, 0, ImmutableSortedDictionary<string, double>.Empty.Add(a1, e1 * Pj).Add(a2, e2 * Pj), 0, 0, "test");

    public static InstructionLatencies Timing() => SpecBuilder.Latencies();

    public static AnalogMvmuSpec PumaMvmu(int stackLayers = 1) => SpecBuilder.AnalogMvmu(
        rows: 128, cols: 128, weightBits: 16, inputBits: 16, bitsPerCell: 2, dacBits: 1, adcBits: 8, adcs: 2,
        stackLayers: stackLayers, pipelineStages: 3,
        components:
        [
            C("xbar", 8, 170, areaMm2: 2.5e-5),
            C("adc", 2, 1.8, latencyNs: 100, leakMw: 0.2, areaMm2: 0.0012),
            C("dac", 128, 0.00350625, leakMw: 0.000390625),
            C("snh", 128, 8.73e-6),
            C("sna", 1, 0.045, leakMw: 0.005),
            C2("input_buffer", 1, "read", 1.7, "write", 0.16),
            C("output_buffer", 1, 0.16),
        ]);

    public static DigitalMvmuSpec TableMvmu() => SpecBuilder.DigitalMvmu(
        rows: 128, cols: 128, weightBits: 16, inputBits: 16, macs: 128, costModel: DigitalCostModel.Table,
        mvmLatencySeconds: 514 * Ns, rowPassSeconds: 0,
        components: [C("mvmu", 1, 83018, leakMw: 40.24, areaMm2: 1.7402)]);

    public static DigitalMvmuSpec PerMacMvmu() => SpecBuilder.DigitalMvmu(
        rows: 64, cols: 64, weightBits: 8, inputBits: 8, macs: 64, costModel: DigitalCostModel.PerMac,
        mvmLatencySeconds: 0, rowPassSeconds: 2 * Ns,
        components: [C("sram", 1, 1.28), C("mac", 64, 0.05), C2("input_buffer", 1, "read", 0.1, "write", 0.1), C("output_buffer", 1, 0.1)]);

    public static CoreSpec Core(MvmuSpec mvmu, int mvmus, bool concurrent) => SpecBuilder.Core(
        mvmu, mvmus, concurrent, registerFileWords: 1024, instructionMemoryEntries: 512, aluLanes: 4, latencies: Timing(),
        components:
        [
            C2("register_file", 1, "read", 0.33, "write", 0.33),
            C("instruction_memory", 1, 1.301),
            C("alu", 1, 0.2652, leakMw: 0.192),
            C("activation", 1, 0.234),
            C("control", 1, 0.25),
        ]);

    public static TileSpec Tile(TileKind kind, CoreSpec core, int cores = 8) => SpecBuilder.Tile(
        kind, core, null, cores, sharedMemoryWords: 32768, wordBits: 16, busWidthWords: 16, sharedMemoryLatencyCycles: 2,
        sharedMemoryPorts: 1, receiveBufferDepth: 2, instructionMemoryEntries: 2048,
        components:
        [
            C2("edram", 1, "read", 8.6, "write", 8.6),
            C("edram_bus", 1, 3.0),
            C("edram_controller", 1, 0.475),
            C("attribute_buffer", 1, 0.919),
            C2("receive_buffer", 1, "read", 8.96, "write", 8.96),
            C("tile_instruction_memory", 1, 1.838),
            C("tile_control", 1, 0.05, leakMw: 0.5),
        ]);

    public static NocSpec Noc(int concentration = 1) => SpecBuilder.Noc(
        concentration == 1 ? "mesh" : "cmesh", concentration, flitBits: 32, packetWords: 16, linkFlitsPerCycle: 1,
        routerLatencyCycles: 1, linkLatencyCycles: 1, tilesPerNode: 1000, interNodeLatencyCycles: 5,
        components:
        [C("router", 1, 16.13, leakMw: 0.41), C("link", 1, 1.0)]);

    public static ArchitectureSpec Architecture(int mvmus = 2, bool digitalConcurrent = false, bool perMac = false, int concentration = 1) => SpecBuilder.Architecture(
        Tile(TileKind.Analog, Core(PumaMvmu(), mvmus, true)),
        Tile(TileKind.Digital, Core(perMac ? PerMacMvmu() : TableMvmu(), mvmus, digitalConcurrent)),
        Noc(concentration));

    public static WorkloadSpec Workload() => new(
        "w",
        "w.yaml",
        new TensorShape(128, 1, 1),
        [
            new LayerSpec("fc1", LayerKind.Fc, ["input"], 128, 0, 0, 0, 0, 1, false, ActivationKind.Relu, null,
                new TensorShape(128, 1, 1), new TensorShape(128, 1, 1), 1, false, new SourceLocation("w.yaml", 1, 1)),
            new LayerSpec("fc2", LayerKind.Fc, ["fc1"], 128, 0, 0, 0, 0, 1, false, ActivationKind.None, null,
                new TensorShape(128, 1, 1), new TensorShape(128, 1, 1), 2, false, new SourceLocation("w.yaml", 2, 1)),
        ]);

    public static TileProgram TileProgram(int tile, TileKind kind, TileInstruction[] instructions, CoreInstruction[][] cores, MemoryRange[]? valid = null) =>
        new(tile, kind, [.. instructions], [.. cores.Select((c, i) => new CoreProgram(tile, i, [.. c]))], [.. valid ?? []]);

    public static CompiledProgram Program(ArchitectureSpec architecture, int meshWidth, params TileProgram[] tiles) => new(
        architecture, Workload(), PartitionSpec.Freeze(1), [.. tiles], meshWidth, 0, tiles.Length - 1, []);
}
