using System.Collections.Immutable;
using HybridSim.Specs.Units;

namespace HybridSim.Specs.Architecture.Schema;

/// <summary>
/// Declares the keys of one record's section: each factory takes the key's name, range, documentation, default or
/// required, and the getter from <typeparamref name="TRecord"/>, and fixes how the value is read and written by its kind.
/// </summary>
public static class Fields<TRecord>
{
    private static string I(int v) => ResolvedYaml.Integer(v);

    private static int ReadInt(object? o) => o is long v ? (int)Math.Min(v, int.MaxValue) : 0;

    public static ValueField<TRecord, int> Int(string name, long max, string description, Func<TRecord, int> get, string? def = null, long min = 1, bool required = false) =>
        new(new SchemaField(name, FieldKind.Integer, description, required, def, Min: min, Max: max), get, ReadInt, I);

    /// <summary>An optional integer without default: null when absent, and then not written.</summary>
    public static ValueField<TRecord, int?> OptionalInt(string name, long max, string description, Func<TRecord, int?> get, long min = 1) =>
        new(new SchemaField(name, FieldKind.Integer, description, Min: min, Max: max), get,
            o => o is long v ? (int)Math.Min(v, int.MaxValue) : null, v => v is { } n ? I(n) : null);

    /// <summary>A required whole number of cycles.</summary>
    public static ValueField<TRecord, int> Cycles(string name, string description, Func<TRecord, int> get, long min = 0) =>
        new(new SchemaField(name, FieldKind.Cycles, description, Required: true, Min: min, Max: FigureRanges.MaxCycles), get, ReadInt, I);

    /// <summary>A required integer or <c>auto</c> (null).</summary>
    public static ValueField<TRecord, int?> IntOrAuto(string name, long max, string description, Func<TRecord, int?> get) =>
        new(new SchemaField(name, FieldKind.IntegerOrAuto, description, Required: true, Max: max), get,
            o => o as int?, v => v is { } n ? I(n) : "auto");

    public static ValueField<TRecord, double> Quantity(string name, UnitKind unit, string description, Func<TRecord, double> get,
        string? def = null, bool required = false, bool positive = false, double minSi = 0) =>
        new(new SchemaField(name, FieldKind.Quantity, description, required, def, unit, Positive: positive, MinSi: minSi), get,
            o => o is double d ? d : 0.0, v => UnitFormatter.Format(v, unit));

    /// <summary>An optional quantity without default: null when absent, and then not written.</summary>
    public static ValueField<TRecord, double?> OptionalQuantity(string name, UnitKind unit, string description, Func<TRecord, double?> get, bool positive = false) =>
        new(new SchemaField(name, FieldKind.Quantity, description, Unit: unit, Positive: positive), get,
            o => o as double?, v => v is { } d ? UnitFormatter.Format(d, unit) : null);

    /// <summary>A plain number; absent (when not required) reads as 0.</summary>
    public static ValueField<TRecord, double> Number(string name, double max, string description, Func<TRecord, double> get,
        bool positive = false, string? noun = null, bool required = false) =>
        new(new SchemaField(name, FieldKind.Number, description, required, Positive: positive, MinSi: 0, MaxSi: max, Noun: noun), get,
            o => o is double d ? d : 0.0, ResolvedYaml.Number);

    /// <summary>An optional number: null when absent, and then not written.</summary>
    public static ValueField<TRecord, double?> OptionalNumber(string name, double max, string description, Func<TRecord, double?> get, bool positive = false) =>
        new(new SchemaField(name, FieldKind.Number, description, Positive: positive, MinSi: 0, MaxSi: max), get,
            o => o as double?, v => v is { } d ? ResolvedYaml.Number(d) : null);

    /// <summary>Text, written double-quoted; null (absent) is not written.</summary>
    public static ValueField<TRecord, string?> Text(string name, string description, Func<TRecord, string?> get, bool required = false) =>
        new(new SchemaField(name, FieldKind.Text, description, required), get, o => o as string, v => v is null ? null : ResolvedYaml.Quote(v));

    public static ValueField<TRecord, bool> Bool(string name, string description, Func<TRecord, bool> get, bool def) =>
        new(new SchemaField(name, FieldKind.Boolean, description, Default: def ? "true" : "false"), get, o => o is true, v => v ? "true" : "false");

    /// <summary>One of <paramref name="choices"/> (YAML word, value), <paramref name="def"/> when absent.</summary>
    public static ValueField<TRecord, TValue> Choice<TValue>(string name, string description, Func<TRecord, TValue> get, string def, params (string Word, TValue Value)[] choices)
        where TValue : notnull =>
        new(new SchemaField(name, FieldKind.Choice, description, Default: def, Choices: [.. choices.Select(c => c.Word)]), get,
            o => choices.FirstOrDefault(c => c.Word == (o as string ?? def), choices.First(c => c.Word == def)).Value,
            v => choices.First(c => EqualityComparer<TValue>.Default.Equals(c.Value, v)).Word);

    /// <summary>Energy per action: one energy (action <c>access</c>) or a mapping; written as a flow mapping, not at all when empty.</summary>
    public static ValueField<TRecord, ImmutableSortedDictionary<string, double>> Energy(string name, string description,
        Func<TRecord, ImmutableSortedDictionary<string, double>> get) =>
        new(new SchemaField(name, FieldKind.EnergyTable, description), get,
            o => o as ImmutableSortedDictionary<string, double> ?? ImmutableSortedDictionary<string, double>.Empty,
            v => v.IsEmpty ? null : "{" + string.Join(", ", v.Select(e => $"{e.Key}: {UnitFormatter.Format(e.Value, UnitKind.Energy)}")) + "}");

    /// <summary>
    /// A nested section holding <typeparamref name="TChild"/>: written as <c>name:</c> and the child's keys, as the one
    /// word <paramref name="word"/> gives (<c>device: ideal</c>), inline (<c>partition: {freeze: 13}</c>), or not at all when the getter gives null.
    /// </summary>
    public static SectionField<TRecord> Section<TChild>(string name, Func<RecordSection<TChild>> child, string description, Func<TRecord, TChild?> get,
        bool required = false, bool inline = false, Func<TChild, string?>? word = null, ImmutableArray<string> words = default)
        where TChild : class =>
        new(new SchemaField(name, FieldKind.Section, description, required, Target: child().Schema.Name, Choices: words), (yaml, indent, record) =>
        {
            if (get(record) is not { } value)
            {
                return;
            }

            if (word?.Invoke(value) is { } w)
            {
                yaml.Line(indent, $"{name}: {w}");
            }
            else if (inline)
            {
                yaml.Line(indent, $"{name}: {child().Inline(value)}");
            }
            else
            {
                yaml.Line(indent, $"{name}:");
                child().WriteBody(yaml, indent + 1, value);
            }
        });

    /// <summary>A nested section whose record type depends on the value (core.mvmu: analog or digital); <paramref name="write"/> writes the body.</summary>
    public static SectionField<TRecord> Section(string name, string target, string description, Action<ResolvedYaml, int, TRecord> write, bool required = false) =>
        new(new SchemaField(name, FieldKind.Section, description, required, Target: target), (yaml, indent, record) =>
        {
            yaml.Line(indent, $"{name}:");
            write(yaml, indent + 1, record);
        });

    /// <summary>The <c>components</c> of one parent, each written with section 'component'; nothing when there are none.</summary>
    public static SectionField<TRecord> Components(string parent, Func<TRecord, ImmutableArray<ComponentSpec>> get) =>
        new(new SchemaField("components", FieldKind.Components, $"technology figures of the components of one {parent}, by name (section 'component')"),
            (yaml, indent, record) =>
            {
                var components = get(record);
                if (components.IsEmpty)
                {
                    return;
                }

                yaml.Line(indent, "components:");
                foreach (var c in components)
                {
                    yaml.Line(indent + 1, $"{c.Name}:");
                    ComponentFields.Section.WriteBody(yaml, indent + 2, c);
                }
            });
}
