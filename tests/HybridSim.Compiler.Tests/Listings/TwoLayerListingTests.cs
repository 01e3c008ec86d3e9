using HybridSim.Compiler.Output;
using HybridSim.Compiler.Verification;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Tests.Listings;

/// <summary>The compiled programs of a two-layer network, as listings, against checked-in files (HYBRIDSIM_UPDATE_GOLDEN=1 refreshes).</summary>
public sealed class TwoLayerListingTests
{
    [Theory]
    [InlineData("puma.yaml", "freeze-2")]
    [InlineData("lobranch-3d.yaml", "rank-2")]
    public void Listings_of_the_two_layer_network_match_the_golden_files(string arch, string partition)
    {
        var workload = WorkloadLoader.Load(Path.Combine(AppContext.BaseDirectory, "Listings", "two-layer.yaml"));
        var spec = partition.StartsWith("rank-", StringComparison.Ordinal) ? PartitionSpec.Rank(2) : PartitionSpec.Freeze(2);
        var program = ProgramCompiler.Compile(ArchitectureLoader.Load(RepositoryPaths.Arch(arch)), workload, spec);
        Assert.Empty(ProgramVerifier.Verify(program));

        using var dir = new TempDirectory();
        CompileOutputWriter.Write(program, dir.Path);
        var prefix = Path.GetFileNameWithoutExtension(arch) + "-" + partition;
        foreach (var file in Directory.GetFiles(dir.Path, "*.asm", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            // Idle cores (a lone halt) are left out of the golden set.
            var text = File.ReadAllText(file);
            if (text.Split('\n').Count(l => l.Length > 0 && !l.StartsWith(';')) <= 1)
            {
                continue;
            }

            var relative = Path.GetRelativePath(dir.Path, file).Replace(Path.DirectorySeparatorChar, '-');
            GoldenFile.AssertMatches(prefix + "-" + relative, text);
        }

        var summary = File.ReadAllText(Path.Combine(dir.Path, "summary.json"));
        GoldenFile.AssertMatches(prefix + "-summary.json", summary);
    }
}
