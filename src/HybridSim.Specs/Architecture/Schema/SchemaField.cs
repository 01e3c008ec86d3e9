using System.Collections.Immutable;
using HybridSim.Specs.Units;

namespace HybridSim.Specs.Architecture.Schema;

/// <summary>
/// One key an architecture section accepts: used both to validate files and to print <c>hybridsim describe</c>,
/// so the two cannot drift apart.
/// </summary>
/// <param name="Default">Default as YAML text (applied when the key is absent), or null when the key is required or optional without default.</param>
/// <param name="Min">Smallest accepted integer (Integer, Cycles, IntegerOrAuto).</param>
/// <param name="Target">Section name for Section fields (e.g. <c>core</c>).</param>
public sealed record SchemaField(
    string Name,
    FieldKind Kind,
    string Description,
    bool Required = false,
    string? Default = null,
    UnitKind? Unit = null,
    long Min = 1,
    bool Positive = false,
    ImmutableArray<string> Choices = default,
    string? Target = null)
{
    /// <summary>"integer >= 1", "time (ps, ns, ...)", for describe and error messages.</summary>
    public string TypeText => Kind switch
    {
        FieldKind.Integer => $"integer >= {Min}",
        FieldKind.Cycles => $"cycles (integer >= {Min})",
        FieldKind.Quantity => UnitTable.Describe(Unit!.Value),
        FieldKind.Text => "text",
        FieldKind.Number => Positive ? "number > 0" : $"number >= {Min}",
        FieldKind.Boolean => "true | false",
        FieldKind.Choice => string.Join(" | ", Choices),
        FieldKind.IntegerOrAuto => $"integer >= {Min} | auto",
        FieldKind.EnergyTable => "energy, or mapping action: energy (" + UnitTable.Describe(UnitKind.Energy) + ")",
        FieldKind.Section => Choices.IsDefaultOrEmpty ? $"mapping (section '{Target}')" : $"mapping (section '{Target}') | {string.Join(" | ", Choices)}",
        FieldKind.Components => "mapping name: component",
        _ => Kind.ToString(),
    };
}
