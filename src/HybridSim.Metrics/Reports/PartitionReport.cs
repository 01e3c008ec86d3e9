using System.Collections.Immutable;

namespace HybridSim.Metrics.Reports;

/// <summary><c>{"kind":"freeze","x":13}</c> or <c>{"kind":"rank","r":4}</c>: Kind is "freeze" or "rank"; Value is x or r.</summary>
/// <remarks>A rank partition also lists <c>clamped_layers</c>: the layers whose min(in, out) is below r, which got their
/// full-rank branch instead.</remarks>
public sealed record PartitionReport(string Kind, int Value)
{
    public ImmutableArray<string> ClampedLayers { get; init; } = [];

    public bool Equals(PartitionReport? other) =>
        other is not null && Kind == other.Kind && Value == other.Value && ClampedLayers.SequenceEqual(other.ClampedLayers);

    public override int GetHashCode() => HashCode.Combine(Kind, Value, ClampedLayers.Length);
}
