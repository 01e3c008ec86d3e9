using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Specs.Units;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Architecture.Schema;

/// <summary>
/// Reads one mapping against a <see cref="SchemaSection"/>: every field by its kind, defaults applied from the
/// table, errors collected in the reader. Section and component fields are returned as readers/nodes for the caller.
/// </summary>
public sealed class SchemaValues
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    private SchemaValues(MappingReader reader) => Reader = reader;

    public MappingReader Reader { get; }

    public static SchemaValues Read(MappingReader reader, SchemaSection section)
    {
        var values = new SchemaValues(reader);
        foreach (var f in section.Fields)
        {
            values._values[f.Name] = values.ReadField(f);
        }

        reader.Finish();
        return values;
    }

    /// <summary>Reads one mapping against the section of the record it loads into.</summary>
    public static SchemaValues Read<TRecord>(MappingReader reader, RecordSection<TRecord> section) => Read(reader, section.Schema);

    /// <summary>The value of a key, default applied; a missing or invalid one (already reported) as the type's empty value.</summary>
    public TValue Get<TRecord, TValue>(ValueField<TRecord, TValue> field) => field.FromRead(_values[field.Name]);

    /// <summary>The nested mapping of a section key, or null when it is absent (or, already reported, not a mapping).</summary>
    public MappingReader? Section<TRecord>(SectionField<TRecord> field) => _values[field.Name] as MappingReader;

    private object? ReadField(SchemaField f)
    {
        var r = Reader;
        if (!r.Has(f.Name) && f.Default is not null)
        {
            r.Node(f.Name);
            return DefaultValue(f);
        }

        switch (f.Kind)
        {
            case FieldKind.Integer:
                return r.ReadInteger(f.Name, f.Required, f.Min, f.Max);
            case FieldKind.Cycles:
                return r.ReadCycles(f.Name, f.Required, f.Min, f.Max);
            case FieldKind.Quantity:
                return r.ReadQuantity(f.Name, f.Unit!.Value, f.Required, f.Positive, f.MinSi, f.UpperSi);
            case FieldKind.Text:
                return r.ReadString(f.Name, f.Required);
            case FieldKind.Number:
                {
                    var v = r.ReadNumber(f.Name, f.Required, f.MinSi, f.UpperSi, "a " + (f.Noun ?? "number"));
                    if (v is 0 && f.Positive && r.Mapping[f.Name] is { } zero)
                    {
                        r.Errors.Add(zero, r.ChildPath(f.Name), $"out of range: expected a {f.Noun ?? "number"} {f.SiRange}, found 0");
                        return null;
                    }

                    return v;
                }
            case FieldKind.Boolean:
                return r.ReadBool(f.Name, f.Required);
            case FieldKind.Choice:
                return r.ReadChoice(f.Name, f.Choices.Select(c => new KeyValuePair<string, int>(c, 0)).ToList(), f.Required) is null
                    ? null
                    : r.ReadString(f.Name);
            case FieldKind.IntegerOrAuto:
                {
                    var s = r.Scalar(f.Name, f.Required, f.TypeText);
                    if (s is null)
                    {
                        return null;
                    }

                    if (s.Value == "auto")
                    {
                        return (int?)null;
                    }

                    return r.ReadInt(f.Name, f.Required, (int)f.Min, (int)Math.Min(f.Max, int.MaxValue)) is { } n ? n : null;
                }

            case FieldKind.EnergyTable:
                return ReadEnergy(f);
            case FieldKind.Section when !f.Choices.IsDefaultOrEmpty && r.Mapping[f.Name] is SpecScalar word && f.Choices.Contains(word.Value):
                // A section that may also be one word (device: ideal).
                r.Node(f.Name);
                return word.Value;
            case FieldKind.Section:
            case FieldKind.Components:
                return r.ReadMapping(f.Name, f.Required, f.Choices.IsDefaultOrEmpty ? "a mapping" : $"a mapping or {string.Join(" | ", f.Choices)}");
            default:
                throw new InvalidOperationException($"unhandled field kind {f.Kind}");
        }
    }

    private ImmutableSortedDictionary<string, double>? ReadEnergy(SchemaField f)
    {
        var r = Reader;
        var node = r.Node(f.Name, f.Required, f.TypeText);
        switch (node)
        {
            case null:
                return null;
            case SpecScalar s:
                return r.ParseQuantity(s, r.ChildPath(f.Name), UnitKind.Energy, max: FigureRanges.MaxEnergyJoules) is { } e
                    ? ImmutableSortedDictionary<string, double>.Empty.Add(ComponentSpec.DefaultAction, e)
                    : null;
            case SpecMapping m:
                {
                    var builder = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
                    foreach (var entry in m.Entries)
                    {
                        var path = $"{r.ChildPath(f.Name)}.{entry.Name}";
                        if (entry.Value is SpecScalar v)
                        {
                            if (r.ParseQuantity(v, path, UnitKind.Energy, max: FigureRanges.MaxEnergyJoules) is { } energy)
                            {
                                builder[entry.Name] = energy;
                            }
                        }
                        else
                        {
                            r.Errors.Add(entry.Value, path, $"expected {UnitTable.Describe(UnitKind.Energy)}, found {entry.Value.KindName}");
                        }
                    }

                    return builder.ToImmutable();
                }

            default:
                r.Errors.Add(node, r.ChildPath(f.Name), $"expected {f.TypeText}, found {node.KindName}");
                return null;
        }
    }

    private static object? DefaultValue(SchemaField f) => f.Kind switch
    {
        FieldKind.Integer or FieldKind.Cycles => long.Parse(f.Default!, CultureInfo.InvariantCulture),
        FieldKind.Quantity => UnitParser.Parse(f.Default!, f.Unit!.Value),
        FieldKind.Boolean => f.Default == "true",
        FieldKind.Text or FieldKind.Choice => f.Default,
        _ => null,
    };
}
