using System.Globalization;
using HybridSim.Specs.Units;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Yaml;

/// <summary>
/// Typed, error-collecting access to one YAML mapping. Every Read* call names a key the mapping may hold; a wrong
/// value adds a <see cref="SpecError"/> at the value (missing required fields at the mapping) and returns null, so
/// reading goes on and every problem is reported at once. <see cref="Finish"/> then reports keys nobody asked for,
/// with a did-you-mean among the keys that were asked for.
/// </summary>
public sealed class MappingReader
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public MappingReader(SpecMapping mapping, string path, SpecErrorList errors, double? clockHz = null)
    {
        Mapping = mapping;
        Path = path;
        Errors = errors;
        ClockHz = clockHz;
    }

    public SpecMapping Mapping { get; }

    /// <summary>The key that introduced this mapping (missing fields are reported there), or null at the top of a file.</summary>
    public SpecScalar? Owner { get; init; }

    /// <summary>Dotted path of this mapping ("" at the top of a file).</summary>
    public string Path { get; }

    public SpecErrorList Errors { get; }

    /// <summary>Clock used to resolve times written in <c>cycles</c>; null where no clock is known.</summary>
    public double? ClockHz { get; set; }

    public string ChildPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => Mapping.Entry(key) is not null;

    /// <summary>Declares keys as valid without reading them (e.g. handled elsewhere).</summary>
    public void Allow(params string[] keys)
    {
        foreach (var k in keys)
        {
            _known.Add(k);
        }
    }

    /// <summary>The raw node for <paramref name="key"/>, or null when absent; the key becomes known.</summary>
    public SpecNode? Node(string key)
    {
        _known.Add(key);
        return Mapping[key];
    }

    /// <summary>The node, or null after reporting it missing when <paramref name="required"/>.</summary>
    public SpecNode? Node(string key, bool required, string expected)
    {
        var node = Node(key);
        if (node is null && required)
        {
            Errors.Add((SpecNode?)Owner ?? Mapping, ChildPath(key), $"missing required field '{key}'; expected {expected}");
        }

        return node;
    }

    public string? ReadString(string key, bool required = false, string expected = "a text value")
    {
        var scalar = Scalar(key, required, expected);
        return scalar?.Value;
    }

    /// <summary>An integer in [min, max]; "non-positive sizes" are caught by the default min of 1.</summary>
    public long? ReadInteger(string key, bool required = false, long min = 1, long max = long.MaxValue)
    {
        var expected = IntegerPhrase(min, max);
        var scalar = Scalar(key, required, expected);
        return scalar is null ? null : ParseInteger(scalar, scalar.Value.Trim(), key, expected, min, max);
    }

    /// <summary>
    /// A whole number of clock cycles in [min, max], written with the unit (<c>2cycles</c>, <c>1cycle</c>,
    /// <c>2 cycles</c>) or, as before the unit existed, bare (<c>2</c>).
    /// </summary>
    public long? ReadCycles(string key, bool required = false, long min = 1, long max = long.MaxValue)
    {
        var expected = IntegerPhrase(min, max) + " cycles (e.g. 2cycles)";
        var scalar = Scalar(key, required, expected);
        if (scalar is null)
        {
            return null;
        }

        var text = scalar.Value.Trim();
        foreach (var unit in (ReadOnlySpan<string>)["cycles", "cycle"])
        {
            if (text.EndsWith(unit, StringComparison.Ordinal))
            {
                text = text[..^unit.Length].TrimEnd();
                break;
            }
        }

        return ParseInteger(scalar, text, key, expected, min, max);
    }

    private long? ParseInteger(SpecScalar scalar, string text, string key, string expected, long min, long max)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            // Digits only, but too many for 64 bits: a range problem, not a fraction.
            if (IsWholeNumber(text))
            {
                Errors.Add(scalar, ChildPath(key), $"out of range: expected {expected}, found {Excerpt.Of(scalar.Value.Trim())}");
                return null;
            }

            var hint = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? " (a whole number, no fraction)"
                : "";
            Errors.Add(scalar, ChildPath(key), $"expected {expected}{hint}, found {scalar.KindName}");
            return null;
        }

        if (value < min || value > max)
        {
            var what = min == 1 && value <= 0 ? "must be positive: " : "out of range: ";
            Errors.Add(scalar, ChildPath(key), $"{what}expected {expected}, found {value}");
            return null;
        }

        return value;
    }

    public int? ReadInt(string key, bool required = false, int min = 1, int max = int.MaxValue) =>
        ReadInteger(key, required, min, max) is { } v ? (int)v : null;

    /// <summary>A plain number (no unit) from <paramref name="min"/> to <paramref name="max"/>.</summary>
    /// <param name="noun">What the number is, for messages ("a number", "a fraction of cells").</param>
    public double? ReadNumber(string key, bool required = false, double min = double.NegativeInfinity, double max = double.PositiveInfinity, string noun = "a number")
    {
        var inv = CultureInfo.InvariantCulture;
        var expected = (double.IsNegativeInfinity(min), double.IsPositiveInfinity(max)) switch
        {
            (true, true) => noun,
            (false, true) => $"{noun} >= {min.ToString("R", inv)}",
            (true, false) => $"{noun} <= {max.ToString("R", inv)}",
            _ => $"{noun} from {min.ToString("R", inv)} to {max.ToString("R", inv)}",
        };
        var scalar = Scalar(key, required, expected);
        if (scalar is null)
        {
            return null;
        }

        if (!double.TryParse(scalar.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            var comma = scalar.Value.Contains(',', StringComparison.Ordinal) ? " (use '.' as decimal separator)" : "";
            Errors.Add(scalar, ChildPath(key), $"expected {expected}{comma}, found {scalar.KindName}");
            return null;
        }

        if (value < min || value > max)
        {
            Errors.Add(scalar, ChildPath(key), $"out of range: expected {expected}, found {Excerpt.Of(scalar.Value)}");
            return null;
        }

        return value;
    }

    /// <summary>
    /// A quantity with a unit, in SI; <paramref name="positive"/> rejects zero and negatives, otherwise negatives only;
    /// a value below <paramref name="min"/> or above <paramref name="max"/> (SI) is out of range.
    /// </summary>
    public double? ReadQuantity(string key, UnitKind kind, bool required = false, bool positive = false, double min = 0, double max = double.PositiveInfinity)
    {
        var scalar = Scalar(key, required, UnitTable.Describe(kind));
        return scalar is null ? null : ParseQuantity(scalar, ChildPath(key), kind, positive, min, max);
    }

    /// <summary>Parses a scalar already in hand (sequence items, map values) as a quantity.</summary>
    public double? ParseQuantity(SpecScalar scalar, string path, UnitKind kind, bool positive = false, double min = 0, double max = double.PositiveInfinity)
    {
        if (!UnitParser.TryParse(scalar.Value, kind, ClockHz, out var value, out var error))
        {
            Errors.Add(scalar, path, error);
            return null;
        }

        if (positive ? value <= 0 : value < 0)
        {
            Errors.Add(scalar, path, $"must be {(positive ? "positive" : "zero or positive")}: expected {UnitTable.Describe(kind)}, found {scalar.KindName}");
            return null;
        }

        if (value < min || value > max)
        {
            Errors.Add(scalar, path, $"out of range: expected {QuantityRange(kind, positive, min, max)}, found {scalar.KindName}");
            return null;
        }

        return value;
    }

    /// <summary>"a time from 0 to 1s", "a frequency from 1kHz to 1000GHz", "a power above 0 and at most 1000W".</summary>
    public static string QuantityRange(UnitKind kind, bool positive, double min, double max)
    {
        var low = min == 0 ? "0" : UnitFormatter.Format(min, kind);
        var high = double.IsPositiveInfinity(max) ? "any" : UnitFormatter.Format(max, kind);
        return positive && min == 0
            ? $"{UnitTable.Noun(kind)} above {low} and at most {high}"
            : $"{UnitTable.Noun(kind)} from {low} to {high}";
    }

    public bool? ReadBool(string key, bool required = false)
    {
        var scalar = Scalar(key, required, "true or false");
        if (scalar is null)
        {
            return null;
        }

        switch (scalar.Value)
        {
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            default:
                Errors.Add(scalar, ChildPath(key), $"expected true or false, found {scalar.KindName}");
                return null;
        }
    }

    /// <summary>One of a fixed set of names; an unknown name gets a did-you-mean.</summary>
    public T? ReadChoice<T>(string key, IReadOnlyList<KeyValuePair<string, T>> choices, bool required = false)
        where T : struct
    {
        var names = choices.Select(c => c.Key).ToList();
        var expected = "one of " + string.Join(", ", names.Select(n => $"'{n}'"));
        var scalar = Scalar(key, required, expected);
        if (scalar is null)
        {
            return null;
        }

        foreach (var c in choices)
        {
            if (c.Key == scalar.Value)
            {
                return c.Value;
            }
        }

        Errors.Add(scalar, ChildPath(key), $"unknown value {scalar.KindName}{DidYouMean.Hint(scalar.Value, names)}; expected {expected}");
        return null;
    }

    public MappingReader? ReadMapping(string key, bool required = false, string expected = "a mapping")
    {
        var node = Node(key, required, expected);
        switch (node)
        {
            case null:
                return null;
            case SpecMapping m:
                return new MappingReader(m, ChildPath(key), Errors, ClockHz) { Owner = Mapping.Entry(key)!.Key };
            default:
                Errors.Add(node, ChildPath(key), $"expected {expected}, found {node.KindName}");
                return null;
        }
    }

    public SpecSequence? ReadSequence(string key, bool required = false, string expected = "a sequence")
    {
        var node = Node(key, required, expected);
        switch (node)
        {
            case null:
                return null;
            case SpecSequence s:
                return s;
            default:
                Errors.Add(node, ChildPath(key), $"expected {expected}, found {node.KindName}");
                return null;
        }
    }

    /// <summary>Reports every key that no Read* call asked for (unknown keys), with a did-you-mean.</summary>
    public void Finish()
    {
        foreach (var entry in Mapping.Entries)
        {
            if (!_known.Contains(entry.Name))
            {
                var allowed = string.Join(", ", _known.Order(StringComparer.Ordinal));
                Errors.Add(entry.Key, ChildPath(entry.Name),
                    $"unknown key '{Excerpt.Of(entry.Name)}'{DidYouMean.Hint(entry.Name, _known)}; expected one of: {allowed}");
            }
        }
    }

    /// <summary>A scalar value; reports missing, null and non-scalar values.</summary>
    public SpecScalar? Scalar(string key, bool required, string expected)
    {
        var node = Node(key, required, expected);
        switch (node)
        {
            case null:
                return null;
            case SpecScalar { IsNull: true } s:
                Errors.Add(s, ChildPath(key), $"no value given; expected {expected}");
                return null;
            case SpecScalar s:
                return s;
            default:
                Errors.Add(node, ChildPath(key), $"expected {expected}, found {node.KindName}");
                return null;
        }
    }

    private static bool IsWholeNumber(string text)
    {
        var digits = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit);
    }

    public static string IntegerPhrase(long min, long max) =>
        max == long.MaxValue || max == int.MaxValue
            ? $"an integer >= {min.ToString(CultureInfo.InvariantCulture)}"
            : $"an integer from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
}
