namespace HybridSim.Sweeps;

/// <summary>The three sweep verbs (docs/sweeps.md).</summary>
public enum SweepKind
{
    /// <summary>freeze-x for every x in a range.</summary>
    Freeze,

    /// <summary>LoBranch rank r for listed ranks (0 = no branch).</summary>
    Rank,

    /// <summary>Cartesian product of <c>--vary KEY=V1,V2,...</c>.</summary>
    Grid,
}
