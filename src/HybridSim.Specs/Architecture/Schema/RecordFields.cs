using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace HybridSim.Specs.Architecture.Schema;

/// <summary>
/// One architecture-file key bound to the spec record that holds its value: the <see cref="SchemaField"/> (name, type,
/// unit, default or required, range, documentation) and how the value is got from the record. The loader reads the
/// value through it (<see cref="SchemaValues.Get{TRecord, TValue}"/>), the resolved-spec writer writes it from it, and
/// <c>describe</c> prints its <see cref="Field"/>: the key is declared once.
/// </summary>
public interface IRecordField<in TRecord>
{
    SchemaField Field { get; }

    /// <summary>Writes <c>name: value</c> (or <c>name:</c> and a nested block) for <paramref name="record"/>, or nothing when the value is absent.</summary>
    void Write(ResolvedYaml yaml, int indent, TRecord record);
}

/// <summary>A scalar key: its value read from the loaded mapping as <typeparamref name="TValue"/> and written back as YAML text.</summary>
public sealed class ValueField<TRecord, TValue> : IRecordField<TRecord>
{
    private readonly Func<TRecord, TValue> _get;
    private readonly Func<object?, TValue> _fromRead;
    private readonly Func<TValue, string?> _format;

    internal ValueField(SchemaField field, Func<TRecord, TValue> get, Func<object?, TValue> fromRead, Func<TValue, string?> format)
    {
        Field = field;
        _get = get;
        _fromRead = fromRead;
        _format = format;
    }

    public SchemaField Field { get; }

    public string Name => Field.Name;

    /// <summary>The value the record holds for this key.</summary>
    public TValue Get(TRecord record) => _get(record);

    /// <summary>The value as read by <see cref="SchemaValues"/> (default applied; a missing or invalid value, already reported, as the type's empty value).</summary>
    internal TValue FromRead(object? read) => _fromRead(read);

    /// <summary>The value as resolved-spec YAML text, or null when the record leaves it out.</summary>
    public string? Text(TRecord record) => _format(_get(record));

    /// <summary>A value as resolved-spec YAML text (a choice's word), or null for an absent one.</summary>
    public string? Format(TValue value) => _format(value);

    public void Write(ResolvedYaml yaml, int indent, TRecord record)
    {
        if (Text(record) is { } text)
        {
            yaml.Line(indent, $"{Field.Name}: {text}");
        }
    }
}

/// <summary>A nested mapping (or components) key; how it is written is given with it.</summary>
public sealed class SectionField<TRecord> : IRecordField<TRecord>
{
    private readonly Action<ResolvedYaml, int, TRecord> _write;

    internal SectionField(SchemaField field, Action<ResolvedYaml, int, TRecord> write)
    {
        Field = field;
        _write = write;
    }

    public SchemaField Field { get; }

    public string Name => Field.Name;

    public void Write(ResolvedYaml yaml, int indent, TRecord record) => _write(yaml, indent, record);
}

/// <summary>A section of the architecture file bound to the record it loads into; its <see cref="Schema"/> is what the loader validates and describe prints.</summary>
public sealed class RecordSection<TRecord>
{
    public RecordSection(string name, string description, ImmutableArray<IRecordField<TRecord>> fields)
    {
        Fields = fields;
        Schema = new SchemaSection(name, description, [.. fields.Select(f => f.Field)]);
    }

    public ImmutableArray<IRecordField<TRecord>> Fields { get; }

    public SchemaSection Schema { get; }

    /// <summary>Writes every key of <paramref name="record"/> in schema order.</summary>
    public void WriteBody(ResolvedYaml yaml, int indent, TRecord record)
    {
        foreach (var f in Fields)
        {
            f.Write(yaml, indent, record);
        }
    }

    /// <summary>The scalar keys as one flow mapping, <c>{freeze: 13}</c>.</summary>
    public string Inline(TRecord record)
    {
        var parts = new List<string>();
        foreach (var f in Fields)
        {
            var text = f switch
            {
                ValueField<TRecord, int?> i => i.Text(record),
                _ => throw new InvalidOperationException($"section '{Schema.Name}': field '{f.Field.Name}' cannot be written inline"),
            };
            if (text is not null)
            {
                parts.Add($"{f.Field.Name}: {text}");
            }
        }

        return "{" + string.Join(", ", parts) + "}";
    }
}

/// <summary>The text of a resolved spec: lines indented two spaces a level, '\n' line ends.</summary>
public sealed class ResolvedYaml
{
    private readonly StringBuilder _sb = new();

    public void Line(int indent, string text) => _sb.Append(' ', indent * 2).Append(text).Append('\n');

    public override string ToString() => _sb.ToString();

    /// <summary>A double-quoted YAML string.</summary>
    public static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string Integer(long v) => v.ToString(CultureInfo.InvariantCulture);

    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
