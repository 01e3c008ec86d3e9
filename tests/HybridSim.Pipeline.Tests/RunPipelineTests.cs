using HybridSim.Tests;
using System.Collections.Immutable;
using HybridSim.Compiler;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;
using HybridSim.Pipeline;

namespace HybridSim.Pipeline.Tests;

/// <summary>The parts of <see cref="RunPipeline"/> that do not need the compiler: input errors and the area roll-up.</summary>
public sealed class RunPipelineTests
{
    private static readonly string Root = RepositoryPaths.Root;

    private static ComponentSpec Area(string name, double mm2) =>
        new(name, 1, 0, ImmutableSortedDictionary<string, double>.Empty, 0, mm2 * 1e-6, "test");

    /// <summary>Analog tiles of 1 mm² and digital tiles of 2 mm² (no core or MVMU area), one 0.5 mm² router per tile.</summary>
    private static ArchitectureSpec Architecture(int? analogCount)
    {
        TileSpec Tile(TileKind kind, int? count, double mm2) => SpecBuilder.Tile(
            kind, SpecBuilder.Core(SpecBuilder.DigitalMvmu(), mvmus: 1, concurrent: false), count, cores: 1, components: [Area("edram", mm2)]);
        return SpecBuilder.Architecture(
            Tile(TileKind.Analog, analogCount, 1), Tile(TileKind.Digital, null, 2), SpecBuilder.Noc(components: [Area("router", 0.5)]),
            name: "area", sourceFile: "area.yaml");
    }

    private static CompiledProgram TwoAnalogTiles(ArchitectureSpec architecture)
    {
        TileProgram Tile(int t) => new(t, TileKind.Analog, [new TileHaltInstruction()], [new CoreProgram(t, 0, [new HaltInstruction()])], []);
        return new CompiledProgram(architecture, new WorkloadSpec("w", "w.yaml", new TensorShape(1, 1, 1), []), PartitionSpec.Freeze(0), [Tile(0), Tile(1)], 2, 0, 1, []);
    }

    [Fact]
    public void Area_counts_only_the_tiles_the_program_uses_when_the_count_is_auto()
    {
        var area = PointMeasurer.UsedArea(TwoAnalogTiles(Architecture(analogCount: null)));

        // 2 analog tiles × 1 mm² + 2 routers × 0.5 mm²; the unused digital template adds nothing.
        Assert.Equal(3.0, area.TotalMm2, 9);
        Assert.Equal(2, area.AnalogTiles);
        Assert.Equal(0, area.DigitalTiles);
    }

    [Fact]
    public void Area_counts_the_fixed_tile_count_when_the_architecture_fixes_one()
    {
        var area = PointMeasurer.UsedArea(TwoAnalogTiles(Architecture(analogCount: 5)));

        // 5 analog tiles × 1 mm² + 5 routers × 0.5 mm², though the program uses 2.
        Assert.Equal(7.5, area.TotalMm2, 9);
        Assert.Equal(5, area.AnalogTiles);
    }

    [Fact]
    public void Missing_architecture_file_is_an_input_error()
    {
        var request = new RunRequest(Path.Combine(Root, "arch", "no-such.yaml"), [], "mlp-mnist", PartitionSpec.Freeze(0));

        Assert.Throws<SpecException>(() => RunPipeline.Run(request));
    }

    [Fact]
    public void Unknown_workload_is_an_input_error_naming_it()
    {
        var request = new RunRequest(Path.Combine(Root, "arch", "puma.yaml"), [], "no-such-net", PartitionSpec.Freeze(0));

        var e = Assert.Throws<SpecException>(() => RunPipeline.Run(request));
        Assert.Contains("no-such-net", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_reach_the_architecture_loader()
    {
        var request = new RunRequest(Path.Combine(Root, "arch", "puma.yaml"), ["bits_per_cell=3"], "mlp-mnist", PartitionSpec.Freeze(3));

        var e = Assert.Throws<SpecException>(() => RunPipeline.Run(request));
        Assert.Contains("not a multiple of bits_per_cell 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_below_one_is_rejected()
    {
        var request = new RunRequest(Path.Combine(Root, "arch", "puma.yaml"), [], "mlp-mnist", PartitionSpec.Freeze(3), Batch: 0);

        Assert.Throws<ArgumentOutOfRangeException>(() => RunPipeline.Run(request));
    }
}
