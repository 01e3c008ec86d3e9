namespace HybridSim.Specs.Architecture.Schema;

/// <summary>What a schema field holds.</summary>
public enum FieldKind
{
    Integer,
    Cycles,
    Quantity,
    Text,
    Boolean,
    Choice,
    IntegerOrAuto,
    EnergyTable,
    Section,
    Components,
    Number,
}
