using System.Collections.Immutable;

namespace HybridSim.Specs.Architecture.Schema;

/// <summary>A named group of fields (one YAML mapping kind), e.g. <c>analog_mvmu</c> or <c>component</c>.</summary>
public sealed record SchemaSection(string Name, string Description, ImmutableArray<SchemaField> Fields)
{
    public SchemaField Field(string name) =>
        Fields.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"section '{Name}' has no field '{name}'", nameof(name));
}
