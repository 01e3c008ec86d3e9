namespace HybridSim.Specs.Workloads;

/// <summary>An activation tensor of one input: Channels × Height × Width (a vector is C × 1 × 1).</summary>
public sealed record TensorShape(int Channels, int Height, int Width)
{
    public long Elements => (long)Channels * Height * Width;

    public override string ToString() => $"{Channels}x{Height}x{Width}";
}
