namespace HybridSim.Specs.Architecture;

/// <summary>A partition: freeze-x (Value = x) or LoBranch rank r (Value = r; 0 = no branch).</summary>
public sealed record PartitionSpec(PartitionKind Kind, int Value)
{
    public static PartitionSpec Freeze(int x) => new(PartitionKind.Freeze, x);

    public static PartitionSpec Rank(int r) => new(PartitionKind.Rank, r);

    public override string ToString() => Kind == PartitionKind.Freeze ? $"freeze-{Value}" : $"rank-{Value}";
}
