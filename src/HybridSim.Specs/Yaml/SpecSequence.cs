using System.Collections.Immutable;

namespace HybridSim.Specs.Yaml;

/// <summary>A sequence in file order.</summary>
public sealed class SpecSequence : SpecNode
{
    private readonly long _size;

    public SpecSequence(string file, int line, int column, ImmutableArray<SpecNode> items)
        : base(file, line, column)
    {
        Items = items;
        long size = 1;
        foreach (var item in items)
        {
            size = SpecMapping.SaturatingAdd(size, item.ExpandedSize);
        }

        _size = size;
    }

    public ImmutableArray<SpecNode> Items { get; }

    public override long ExpandedSize => _size;

    public override string KindName => "a sequence";
}
