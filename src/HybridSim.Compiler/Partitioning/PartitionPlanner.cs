using System.Collections.Immutable;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Partitioning;

/// <summary>
/// Applies a partition to a workload (docs/model.md, "Compiler: mapping, placement and programs", Partitions). freeze-x: weight layers 1..x on analog tiles, the rest on
/// digital tiles (a projection shortcut follows its block's first conv). rank r: every W on analog tiles plus an A (r × in)
/// and B (out × r) branch on digital tiles; a layer's own <c>rank</c> in the workload file overrides r. A layer with
/// min(in, out) below r gets its full-rank branch, min(in, out), and is marked <see cref="LayerPartition.RankClamped"/>
/// (compiler and functional model read the same plan, so both see the clamped rank); a layer's own rank above its
/// min(in, out) is an error.
/// </summary>
public static class PartitionPlanner
{
    /// <summary>One entry per workload layer; null for layers without weights.</summary>
    public static ImmutableArray<LayerPartition?> Plan(ArchitectureSpec architecture, WorkloadSpec workload, PartitionSpec partition)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(partition);
        var errors = new List<SpecError>();
        var total = workload.WeightLayerCount;
        var plan = new LayerPartition?[workload.Layers.Length];
        if (partition.Kind == PartitionKind.Freeze)
        {
            if (partition.Value < 0 || partition.Value > total)
            {
                throw new SpecException(new SpecError(workload.SourceFile, 0, 0, "--freeze",
                    $"freeze-{partition.Value} is out of range: {workload.Name} has {total} weight layers, so X must be 0 to {total}"));
            }

            for (var i = 0; i < workload.Layers.Length; i++)
            {
                var layer = workload.Layers[i];
                if (layer.HasWeights)
                {
                    plan[i] = new LayerPartition(layer.WeightLayerIndex <= partition.Value ? TileKind.Analog : TileKind.Digital, 0);
                }
            }
        }
        else
        {
            if (partition.Value < 0)
            {
                throw new SpecException(new SpecError(workload.SourceFile, 0, 0, "--rank", $"rank {partition.Value} is negative; expected 0 (no branch) or more"));
            }

            for (var i = 0; i < workload.Layers.Length; i++)
            {
                var layer = workload.Layers[i];
                if (!layer.HasWeights)
                {
                    continue;
                }

                var rank = layer.Rank ?? partition.Value;
                var limit = (int)Math.Min(layer.BranchInputs, layer.MatrixCols);
                if (rank > limit && layer.Rank is not null)
                {
                    // A layer's own rank in the workload file is a deliberate choice: one it cannot have is an error.
                    errors.Add(new SpecError(layer.Location.File, layer.Location.Line, layer.Location.Column, $"layers.{layer.Name}.rank",
                        $"rank {rank} is larger than min(in, out) = min({layer.BranchInputs}, {layer.MatrixCols}) = {limit}; expected at most {limit}"));
                }

                // The partition's rank r is for the network: a layer too small for it gets its full-rank branch.
                plan[i] = rank > limit && layer.Rank is null
                    ? new LayerPartition(TileKind.Analog, limit) { RankClamped = true }
                    : new LayerPartition(TileKind.Analog, rank);
            }
        }

        var needsAnalog = plan.Any(p => p is { Placement: TileKind.Analog });
        var needsDigital = plan.Any(p => p is { Placement: TileKind.Digital } or { BranchRank: > 0 });
        if (needsAnalog && architecture.AnalogTile is null)
        {
            errors.Add(new SpecError(architecture.SourceFile, 0, 0, "tiles.analog", $"partition {partition} puts layers on RRAM, but the architecture has no analog tiles"));
        }

        if (needsDigital && architecture.DigitalTile is null)
        {
            errors.Add(new SpecError(architecture.SourceFile, 0, 0, "tiles.digital", $"partition {partition} puts weights on SRAM, but the architecture has no digital tiles"));
        }

        if (errors.Count > 0)
        {
            throw new SpecException(errors);
        }

        return [.. plan];
    }

    /// <summary>Names of the weight layers whose branch rank the plan clamped to min(in, out), in layer order.</summary>
    public static ImmutableArray<string> ClampedLayers(WorkloadSpec workload, ImmutableArray<LayerPartition?> plan)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return [.. plan.Select((p, i) => (p, i)).Where(x => x.p is { RankClamped: true }).Select(x => workload.Layers[x.i].Name)];
    }
}
