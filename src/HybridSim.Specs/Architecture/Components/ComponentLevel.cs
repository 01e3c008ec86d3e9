namespace HybridSim.Specs.Architecture;

/// <summary>The level of the hierarchy whose <c>components:</c> list a component belongs to.</summary>
public enum ComponentLevel
{
    /// <summary><c>tiles.KIND.core.mvmu.components</c>.</summary>
    Mvmu,
    /// <summary><c>tiles.KIND.core.components</c>.</summary>
    Core,
    /// <summary><c>tiles.KIND.components</c>.</summary>
    Tile,
    /// <summary><c>noc.components</c>.</summary>
    Noc,
    /// <summary><c>node.components</c>.</summary>
    Node,
}
