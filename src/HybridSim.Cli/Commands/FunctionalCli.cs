using System.Collections.Immutable;
using HybridSim.Specs.Architecture;
using HybridSim.Compiler.Partitioning;
using HybridSim.Pipeline;
using HybridSim.Specs.Workloads;

namespace HybridSim.Cli.Commands;

/// <summary>Loads an accuracy verb's point, printing the architecture's warnings and the loader's notes.</summary>
internal static class FunctionalCli
{
    public static FunctionalPoint Load(string archPath, ImmutableArray<string> overrides, string workloadName, PartitionSpec? partition, string weightsPath, TextWriter error,
        Action<ArchitectureSpec, WorkloadSpec, IReadOnlyDictionary<string, int>>? beforeWeights = null)
    {
        var architecture = ArchitectureLoader.Load(archPath, overrides);
        CliErrors.PrintWarnings(error, architecture.Warnings);
        var point = FunctionalPoint.Load(architecture, workloadName, partition, weightsPath, n => error.WriteLine("note: " + n),
            beforeWeights is null ? null : (w, ranks) => beforeWeights(architecture, w, ranks));

        // As run and sweep rank report it: a rank above a layer's min(in, out) gives that layer its full-rank branch.
        var clamped = PartitionPlanner.ClampedLayers(point.Workload, point.Plan);
        if (!clamped.IsEmpty)
        {
            error.WriteLine($"note: rank {point.Partition.Value} clamped to min(in, out) in {string.Join(", ", clamped)} (full-rank branch)");
        }

        return point;
    }
}
