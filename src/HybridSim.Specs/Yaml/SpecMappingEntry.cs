namespace HybridSim.Specs.Yaml;

/// <summary>One key: value pair of a mapping; the key keeps its own position for unknown-key errors.</summary>
public sealed record SpecMappingEntry(SpecScalar Key, SpecNode Value)
{
    public string Name => Key.Value;
}
