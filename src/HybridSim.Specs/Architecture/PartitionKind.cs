namespace HybridSim.Specs.Architecture;

/// <summary>How weight layers are split between RRAM and SRAM.</summary>
public enum PartitionKind
{
    /// <summary>Layers 1..x on analog (RRAM) tiles, the rest on digital (SRAM) tiles.</summary>
    Freeze,

    /// <summary>Every W on RRAM with a rank-r A·B branch on SRAM beside it (LoBranch).</summary>
    Rank,
}
