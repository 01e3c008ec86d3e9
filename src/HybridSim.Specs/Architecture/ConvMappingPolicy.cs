namespace HybridSim.Specs.Architecture;

/// <summary>How convolutions become crossbar matrices.</summary>
public enum ConvMappingPolicy
{
    /// <summary>Unrolled (Kh·Kw·Cin/groups) × Cout matrix, one MVM set per output pixel (default).</summary>
    Im2Col,

    /// <summary>One MVMU per kernel offset and channel tile, as the PUMA compiler does (docs/references.md, PUMA tables 6).</summary>
    PerOffset,
}
