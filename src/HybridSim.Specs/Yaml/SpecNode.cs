namespace HybridSim.Specs.Yaml;

/// <summary>
/// A YAML node with the file and 1-based line and column it came from, so every later error can point at it.
/// Nodes are immutable; merging (<c>extends</c>, includes, <c>--set</c>) builds new trees that keep each value's origin.
/// </summary>
public abstract class SpecNode
{
    protected SpecNode(string file, int line, int column)
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>File the node was read from, as the user named it (or a pseudo-file such as <c>--set</c>).</summary>
    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>Number of nodes in this subtree, counting every alias expansion; bounds the work of any traversal.</summary>
    public abstract long ExpandedSize { get; }

    /// <summary>What the node is, for "expected X, found Y" messages.</summary>
    public abstract string KindName { get; }
}
