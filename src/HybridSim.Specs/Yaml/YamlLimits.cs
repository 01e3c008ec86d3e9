namespace HybridSim.Specs.Yaml;

/// <summary>Bounds on what a specification file may ask of the reader, so hostile or broken input fails fast.</summary>
public static class YamlLimits
{
    /// <summary>Largest file read (bytes); real architecture and workload files are a few KiB.</summary>
    public const long MaxFileBytes = HybridSim.Specs.Input.InputFile.MaxSpecificationBytes;

    /// <summary>Deepest nesting of mappings and sequences; the deepest real file nests about 8 levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes a document may expand to, aliases counted at every use (stops "billion laughs").</summary>
    public const long MaxExpandedNodes = 200_000;

    /// <summary>Most errors reported from one file before the reader stops listing them.</summary>
    public const int MaxErrorsPerFile = 50;
}
