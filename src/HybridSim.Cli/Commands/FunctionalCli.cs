using System.Collections.Immutable;
using HybridSim.Specs.Architecture;
using HybridSim.Pipeline;

namespace HybridSim.Cli.Commands;

/// <summary>Loads an accuracy verb's point, printing the architecture's warnings and the loader's notes.</summary>
internal static class FunctionalCli
{
    public static FunctionalPoint Load(string archPath, ImmutableArray<string> overrides, string workloadName, PartitionSpec? partition, string weightsPath, TextWriter error)
    {
        var architecture = ArchitectureLoader.Load(archPath, overrides);
        CliErrors.PrintWarnings(error, architecture.Warnings);
        return FunctionalPoint.Load(architecture, workloadName, partition, weightsPath, n => error.WriteLine("note: " + n));
    }
}
