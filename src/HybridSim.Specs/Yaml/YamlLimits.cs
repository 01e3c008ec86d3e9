namespace HybridSim.Specs.Yaml;

/// <summary>Bounds on what a specification file may ask of the reader, so hostile or broken input fails fast.</summary>
public static class YamlLimits
{
    /// <summary>Largest file read (bytes); real architecture and workload files are a few KiB.</summary>
    public const long MaxFileBytes = HybridSim.Specs.Input.InputFile.MaxSpecificationBytes;

    /// <summary>Deepest nesting of mappings and sequences; the deepest real file nests about 8 levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Most nodes a document may expand to, aliases counted at every use (stops "billion laughs"). A layer written as
    /// a flow mapping takes 7 to 15 nodes, so this leaves room for <see cref="MaxLayers"/> layers.
    /// </summary>
    public const long MaxExpandedNodes = 2_000_000;

    /// <summary>Most layers one workload may have (the largest shipped one has about 70; 28,000 fc layers simulate in 7 s).</summary>
    public const int MaxLayers = 100_000;

    /// <summary>Deepest chain of variables using variables (<c>a: ${b}</c>, <c>b: ${c}</c>...); real files use one or two.</summary>
    public const int MaxVariableDepth = 16;

    /// <summary>Longest value (characters) a scalar or a variable may have once its <c>${...}</c> are expanded.</summary>
    public const int MaxExpandedValueChars = 64 * 1024;

    /// <summary>Most characters the expansion of variables may produce in one document, every use counted.</summary>
    public const long MaxExpandedDocumentChars = 8L * 1024 * 1024;

    /// <summary>Most errors reported from one file before the reader stops listing them.</summary>
    public const int MaxErrorsPerFile = 50;
}
