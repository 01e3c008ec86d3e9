using System.Collections.Immutable;
using HybridSim.Compiler.Partitioning;
using HybridSim.Functional.Network;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Pipeline;

/// <summary>What the accuracy verbs and sweeps share: the point (architecture, workload, partition) and the trained network on it.</summary>
public sealed record FunctionalPoint(ArchitectureSpec Architecture, WorkloadSpec Workload, PartitionSpec Partition, ImmutableArray<LayerPartition?> Plan, FunctionalNetwork Network)
{
    /// <summary>Loads the point and the weights; <paramref name="note"/> hears what the user should know (an untrained branch).</summary>
    /// <param name="beforeWeights">Runs once the workload and its branch ranks are known, before the network is built and the
    /// weights are read: the verbs load their data and check their estimate there, so a refusal or a long-work notice comes first.</param>
    public static FunctionalPoint Load(ArchitectureSpec architecture, string workloadName, PartitionSpec? partition, string weightsPath, Action<string>? note,
        Action<WorkloadSpec, IReadOnlyDictionary<string, int>>? beforeWeights = null)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var workload = WorkloadLoader.Load(workloadName);
        var point = partition ?? PointMeasurer.DefaultPartition(architecture, workload);
        var plan = PartitionPlanner.Plan(architecture, workload, point);
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Length; i++)
        {
            if (plan[i] is { BranchRank: > 0 } p)
            {
                ranks[workload.Layers[i].Name] = p.BranchRank;
            }
        }

        FunctionalFootprint.Of(workload, ranks).CheckParameters(workload.SourceFile);
        beforeWeights?.Invoke(workload, ranks);
        var network = FunctionalNetwork.Create(workload, ranks);
        var arrays = NpzFile.Read(weightsPath).ToList();
        if (ranks.Count > 0 && !arrays.Any(a => a.Name.EndsWith(".lobranch_a", StringComparison.Ordinal) || a.Name.EndsWith(".lobranch_b", StringComparison.Ordinal)))
        {
            // A model trained without branches: the branch starts as training would start it, B = 0, so it adds nothing
            // until it is trained. Said out loud, since the accuracy is then W's alone.
            network.Initialize(0);
            arrays.AddRange(network.SaveWeights().Where(a => a.Name.EndsWith(".lobranch_a", StringComparison.Ordinal) || a.Name.EndsWith(".lobranch_b", StringComparison.Ordinal)));
            note?.Invoke($"{weightsPath} has no LoBranch tensors; the rank-{point.Value} branches start untrained (lobranch_b = 0) and add nothing");
        }

        network.LoadWeights(arrays, weightsPath);
        return new FunctionalPoint(architecture, workload, point, plan, network);
    }

    /// <summary>The rank of each layer's LoBranch branch, by layer name (empty without branches).</summary>
    public IReadOnlyDictionary<string, int> BranchRanks =>
        Enumerable.Range(0, Plan.Length).Where(i => Plan[i] is { BranchRank: > 0 }).ToDictionary(i => Workload.Layers[i].Name, i => Plan[i]!.BranchRank, StringComparer.Ordinal);
}
