using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Specs.Units;

namespace HybridSim.Specs.Architecture.Schema;

/// <summary>
/// One key an architecture section accepts: used both to validate files and to print <c>hybridsim describe</c>,
/// so the two cannot drift apart.
/// </summary>
/// <param name="Default">Default as YAML text (applied when the key is absent), or null when the key is required or optional without default.</param>
/// <param name="Min">Smallest accepted integer (Integer, Cycles, IntegerOrAuto).</param>
/// <param name="Target">Section name for Section fields (e.g. <c>core</c>).</param>
/// <param name="Max">Largest accepted integer (Integer, Cycles, IntegerOrAuto); see <see cref="FigureRanges"/>.</param>
/// <param name="MinSi">Smallest accepted value in SI units (Quantity, Number); with <paramref name="Positive"/> and 0, values must be above 0.</param>
/// <param name="MaxSi">Largest accepted value in SI units (Quantity, Number); a Quantity's defaults to <see cref="FigureRanges.MaxSi"/> of its unit.</param>
/// <param name="Noun">What a Number is, for describe and messages ("fraction of cells"); "number" when null.</param>
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
    string? Target = null,
    long Max = long.MaxValue,
    double MinSi = 0,
    double MaxSi = double.NaN,
    string? Noun = null)
{
    /// <summary>The largest accepted SI value: <see cref="MaxSi"/>, or for a Quantity without one its unit's <see cref="FigureRanges.MaxSi"/>.</summary>
    public double UpperSi => !double.IsNaN(MaxSi) ? MaxSi
        : Kind == FieldKind.Quantity ? FigureRanges.MaxSi(Unit!.Value)
        : double.PositiveInfinity;

    /// <summary>"integer from 1 to 1024", "a time (ps, ns, ...) from 0s to 1s", for describe and error messages.</summary>
    public string TypeText => Kind switch
    {
        FieldKind.Integer => $"integer {IntegerRange}",
        FieldKind.Cycles => $"cycles (integer {IntegerRange})",
        FieldKind.Quantity => $"{UnitTable.Describe(Unit!.Value)} {SiRange}",
        FieldKind.Text => "text",
        FieldKind.Number => $"{Noun ?? "number"} {SiRange}",
        FieldKind.Boolean => "true | false",
        FieldKind.Choice => string.Join(" | ", Choices),
        FieldKind.IntegerOrAuto => $"integer {IntegerRange} | auto",
        FieldKind.EnergyTable => "energy, or mapping action: energy (" + UnitTable.Describe(UnitKind.Energy) + ")",
        FieldKind.Section => Choices.IsDefaultOrEmpty ? $"mapping (section '{Target}')" : $"mapping (section '{Target}') | {string.Join(" | ", Choices)}",
        FieldKind.Components => "mapping name: component",
        _ => Kind.ToString(),
    };

    /// <summary>The accepted range of a Quantity or Number alone: "from 0s to 1s", "above 0 and at most 1e+12".</summary>
    public string SiRange
    {
        get
        {
            var low = Format(MinSi);
            var high = Format(UpperSi);
            return Positive && MinSi == 0 ? $"above {low} and at most {high}" : $"from {low} to {high}";
        }
    }

    private string IntegerRange => Max == long.MaxValue
        ? string.Create(CultureInfo.InvariantCulture, $">= {Min}")
        : string.Create(CultureInfo.InvariantCulture, $"from {Min} to {Max}");

    private string Format(double value) => Kind == FieldKind.Quantity && value != 0
        ? UnitFormatter.Format(value, Unit!.Value)
        : value.ToString("R", CultureInfo.InvariantCulture);
}
