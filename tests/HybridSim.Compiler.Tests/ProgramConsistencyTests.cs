using HybridSim.Compiler.Verification;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Tests;

/// <summary>Every load has its store, every receive its send, and consumer counts match readers, on the zoo.</summary>
public sealed class ProgramConsistencyTests
{
    public static TheoryData<string, string, string> ZooPoints => new()
    {
        { "mlp-mnist", "puma.yaml", "freeze-3" },
        { "resnet20-cifar", "puma.yaml", "freeze-20" },
        { "resnet18-cifar", "hyperx-128-16b.yaml", "freeze-9" },
        { "vgg16-cifar", "hyperx-64-8b.yaml", "freeze-8" },
        { "mobilenetv2-cifar", "lobranch-3d.yaml", "rank-2" },
        { "resnet18-imagenet", "puma.yaml", "freeze-18" },
    };

    public static TheoryData<int> Resnet20FreezePoints => [.. Enumerable.Range(0, 21)];

    public static TheoryData<int> Resnet18Ranks => [.. Enumerable.Range(1, 16)];

    [Theory]
    [MemberData(nameof(ZooPoints))]
    public void Zoo_programs_are_consistent(string workload, string arch, string partition)
    {
        AssertConsistent(arch, workload, Parse(partition));
    }

    [Theory]
    [MemberData(nameof(Resnet20FreezePoints))]
    public void Resnet20_programs_are_consistent_at_every_freeze_point(int x)
    {
        AssertConsistent("hyperx-128-16b.yaml", "resnet20-cifar", PartitionSpec.Freeze(x));
    }

    [Theory]
    [MemberData(nameof(Resnet18Ranks))]
    public void Resnet18_programs_are_consistent_at_ranks_1_to_16(int r)
    {
        // The CIFAR ResNet-18's 512 x 10 fc admits ranks up to 10; above that, the ImageNet one (512 x 1000 fc).
        AssertConsistent("lobranch-3d.yaml", r <= 10 ? "resnet18-cifar" : "resnet18-imagenet", PartitionSpec.Rank(r));
    }

    [Fact]
    public void Verifier_finds_a_load_without_its_store()
    {
        var program = Compile("puma.yaml", "mlp-mnist", PartitionSpec.Freeze(3));
        var tile = program.Tiles[0];
        var core = tile.Cores.First(c => c.Instructions.Any(i => i is Isa.StoreInstruction));
        var broken = core with { Instructions = [.. core.Instructions.Where(i => i is not Isa.StoreInstruction)] };
        var tiles = program.Tiles.SetItem(0, tile with { Cores = tile.Cores.SetItem(core.Core, broken) });

        var problems = ProgramVerifier.Verify(program with { Tiles = tiles });

        Assert.NotEmpty(problems);
        Assert.Contains(problems, p => p.Contains("waits forever", StringComparison.Ordinal));
    }

    private static void AssertConsistent(string arch, string workload, PartitionSpec partition)
    {
        var program = Compile(arch, workload, partition);

        Assert.Empty(ProgramVerifier.Verify(program));
        Assert.All(program.Tiles, t => Assert.IsType<Isa.TileHaltInstruction>(t.Instructions[^1]));
    }

    private static CompiledProgram Compile(string arch, string workload, PartitionSpec partition) =>
        ProgramCompiler.Compile(
            ArchitectureLoader.Load(RepositoryPaths.Arch(arch)),
            WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", workload + ".yaml")),
            partition);

    private static PartitionSpec Parse(string partition) =>
        partition.StartsWith("rank-", StringComparison.Ordinal)
            ? PartitionSpec.Rank(int.Parse(partition[5..], System.Globalization.CultureInfo.InvariantCulture))
            : PartitionSpec.Freeze(int.Parse(partition[7..], System.Globalization.CultureInfo.InvariantCulture));
}
