using System.Collections.Immutable;

namespace HybridSim.Specs.Architecture;

/// <summary>A matrix-vector multiplication unit: a logical Rows × Cols array of WeightBits-bit weights.</summary>
public abstract record MvmuSpec(
    int Rows,
    int Cols,
    int WeightBits,
    int InputBits,
    ImmutableArray<ComponentSpec> Components)
{
    /// <summary>How weights are written into this MVMU (section 'write'); null when the file gives no write figures.</summary>
    public WriteSpec? Write { get; init; }

    /// <summary>Finds a component by name, or null when the architecture does not list it.</summary>
    public ComponentSpec? Component(string name) => Components.FirstOrDefault(c => c.Name == name);
}
