using HybridSim.Specs.Architecture;

namespace HybridSim.Compiler.Partitioning;

/// <summary>Where a weight layer's main matrix W goes, and the rank of its LoBranch A·B (0 = none) on digital tiles.</summary>
public sealed record LayerPartition(TileKind Placement, int BranchRank)
{
    /// <summary>The partition's rank r exceeded the layer's min(in, out), so BranchRank is min(in, out) (its full rank).</summary>
    public bool RankClamped { get; init; }
}
