using System.Collections.Immutable;

namespace HybridSim.Specs.Yaml;

/// <summary>A mapping in file order; keys are unique (duplicates are rejected when the file is read).</summary>
public sealed class SpecMapping : SpecNode
{
    private readonly long _size;

    public SpecMapping(string file, int line, int column, ImmutableArray<SpecMappingEntry> entries)
        : base(file, line, column)
    {
        Entries = entries;
        long size = 1;
        foreach (var e in entries)
        {
            size = SaturatingAdd(size, 1 + e.Value.ExpandedSize);
        }

        _size = size;
    }

    public ImmutableArray<SpecMappingEntry> Entries { get; }

    public override long ExpandedSize => _size;

    public override string KindName => "a mapping";

    public IEnumerable<string> Keys => Entries.Select(e => e.Name);

    public SpecMappingEntry? Entry(string key)
    {
        foreach (var e in Entries)
        {
            if (e.Name == key)
            {
                return e;
            }
        }

        return null;
    }

    public SpecNode? this[string key] => Entry(key)?.Value;

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="value"/> (replaced in place, or appended).</summary>
    public SpecMapping With(SpecScalar key, SpecNode value)
    {
        var builder = Entries.ToBuilder();
        var index = Entries.IndexOf(Entries.FirstOrDefault(e => e.Name == key.Value)!);
        if (index >= 0)
        {
            builder[index] = new SpecMappingEntry(builder[index].Key, value);
        }
        else
        {
            builder.Add(new SpecMappingEntry(key, value));
        }

        return new SpecMapping(File, Line, Column, builder.ToImmutable());
    }

    /// <summary>A copy without <paramref name="key"/>.</summary>
    public SpecMapping Without(string key) =>
        new(File, Line, Column, Entries.Where(e => e.Name != key).ToImmutableArray());

    internal static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
