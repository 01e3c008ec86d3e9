namespace HybridSim.Activity;

/// <summary>Which level of the hierarchy lists a component, so names that repeat across levels stay distinct.</summary>
public enum ActivityScope
{
    /// <summary>Listed under the tile template's core MVMU (<c>MvmuSpec.Components</c>).</summary>
    Mvmu,

    /// <summary>Listed under the core (<c>CoreSpec.Components</c>).</summary>
    Core,

    /// <summary>Listed under the tile (<c>TileSpec.Components</c>).</summary>
    Tile,

    /// <summary>Listed under the network (<c>NocSpec.Components</c>).</summary>
    Noc,

    /// <summary>Listed under the node (<c>ArchitectureSpec.NodeComponents</c>).</summary>
    Node,
}
