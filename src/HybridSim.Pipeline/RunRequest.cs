using System.Collections.Immutable;
using HybridSim.Specs.Architecture;

namespace HybridSim.Pipeline;

/// <summary>One point to run: an architecture file with <c>--set</c> overrides, a workload, a partition and a batch size.</summary>
/// <param name="Overrides">"KEY=VALUE" strings, as given to <c>--set</c>.</param>
/// <param name="Workload">A workload file path or a bare name (<c>resnet20-cifar</c>).</param>
/// <param name="Partition">freeze-x or rank-r; null uses the architecture file's own partition.</param>
/// <param name="Batch">Inferences streamed through the pipeline.</param>
/// <param name="Program">Also cost programming every weight of the partition (<c>run --program</c>).</param>
public sealed record RunRequest(
    string ArchitecturePath,
    ImmutableArray<string> Overrides,
    string Workload,
    PartitionSpec? Partition,
    int Batch = 1,
    bool Program = false);
