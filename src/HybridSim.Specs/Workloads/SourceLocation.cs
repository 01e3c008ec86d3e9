namespace HybridSim.Specs.Workloads;

/// <summary>Where a definition stands in its YAML file, for error messages in later stages.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
