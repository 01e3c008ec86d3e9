using System.Collections.Immutable;
using HybridSim.Specs.Architecture;

namespace HybridSim.Tests;

/// <summary>
/// Builds architecture spec records in tests with named defaults (a small PUMA-like machine), so a test states only
/// the figures it depends on, and adding a record parameter touches this file rather than every test. The defaults
/// are test scaffolding, not technology figures: the shipped figures live in arch/*.yaml.
/// </summary>
internal static class SpecBuilder
{
    private static ImmutableArray<ComponentSpec> OrEmpty(ImmutableArray<ComponentSpec> components) => components.IsDefault ? [] : components;

    public static InstructionLatencies Latencies(int set = 1, int copy = 1, int aluPerLaneStep = 1, int loadStorePerAccess = 1, int halt = 1, int fetch = 1, int decode = 1) =>
        new(set, copy, aluPerLaneStep, loadStorePerAccess, halt, fetch, decode);

    public static AnalogMvmuSpec AnalogMvmu(int rows = 128, int cols = 128, int weightBits = 16, int inputBits = 16, int bitsPerCell = 2, int dacBits = 1,
        int adcBits = 8, int adcs = 2, int stackLayers = 1, int pipelineStages = 3, ImmutableArray<ComponentSpec> components = default) =>
        new(rows, cols, weightBits, inputBits, bitsPerCell, dacBits, adcBits, adcs, stackLayers, pipelineStages, OrEmpty(components));

    public static DigitalMvmuSpec DigitalMvmu(int rows = 128, int cols = 128, int weightBits = 16, int inputBits = 16, int macs = 128,
        DigitalCostModel costModel = DigitalCostModel.Table, double mvmLatencySeconds = 514e-9, double rowPassSeconds = 0,
        ImmutableArray<ComponentSpec> components = default) =>
        new(rows, cols, weightBits, inputBits, macs, costModel, mvmLatencySeconds, rowPassSeconds, OrEmpty(components));

    public static CoreSpec Core(MvmuSpec mvmu, int mvmus = 2, bool concurrent = true, int registerFileWords = 1024, int instructionMemoryEntries = 512,
        int aluLanes = 4, InstructionLatencies? latencies = null, ImmutableArray<ComponentSpec> components = default) =>
        new(mvmus, mvmu, concurrent, registerFileWords, instructionMemoryEntries, aluLanes, latencies ?? Latencies(), OrEmpty(components));

    public static TileSpec Tile(TileKind kind, CoreSpec core, int? count = null, int cores = 8, int sharedMemoryWords = 32768, int wordBits = 16,
        int busWidthWords = 16, int sharedMemoryLatencyCycles = 2, int sharedMemoryPorts = 1, int receiveBufferDepth = 2, int instructionMemoryEntries = 2048,
        ImmutableArray<ComponentSpec> components = default) =>
        new(kind, count, cores, core, sharedMemoryWords, wordBits, busWidthWords, sharedMemoryLatencyCycles, sharedMemoryPorts, receiveBufferDepth,
            instructionMemoryEntries, OrEmpty(components));

    public static NocSpec Noc(string topology = "mesh", int concentration = 1, int flitBits = 32, int packetWords = 16, int linkFlitsPerCycle = 1,
        int routerLatencyCycles = 1, int linkLatencyCycles = 1, int tilesPerNode = 1000, int interNodeLatencyCycles = 5,
        ImmutableArray<ComponentSpec> components = default) =>
        new(topology, concentration, flitBits, packetWords, linkFlitsPerCycle, routerLatencyCycles, linkLatencyCycles, tilesPerNode,
            interNodeLatencyCycles, OrEmpty(components));

    public static ArchitectureSpec Architecture(TileSpec? analog, TileSpec? digital, NocSpec? noc = null, string name = "test", string sourceFile = "test.yaml",
        double clockHz = 1e9, ConvMappingPolicy convMapping = ConvMappingPolicy.Im2Col, PartitionSpec? partition = null,
        ImmutableArray<ComponentSpec> nodeComponents = default) =>
        new(name, sourceFile, clockHz, analog, digital, noc ?? Noc(), convMapping, partition, OrEmpty(nodeComponents), ImmutableSortedDictionary<string, string>.Empty);
}
