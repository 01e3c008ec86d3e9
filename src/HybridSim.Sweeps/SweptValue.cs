namespace HybridSim.Sweeps;

/// <summary>One swept key and its value at a point (a table column and its cell), e.g. <c>freeze=13</c> or <c>xbar=64</c>.</summary>
public sealed record SweptValue(string Key, string Value)
{
    public override string ToString() => $"{Key}={Value}";
}
