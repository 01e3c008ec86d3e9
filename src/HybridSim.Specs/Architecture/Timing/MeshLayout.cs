namespace HybridSim.Specs.Architecture;

/// <summary>
/// Where tiles sit on the network-on-chip: <see cref="Concentration"/> tiles per router, routers row-major on a
/// <see cref="Width"/>-wide mesh (by default the smallest square that holds them), XY dimension-order routing.
/// The compiler lays programs out with it and the hardware routes packets on it.
/// </summary>
public sealed record MeshLayout(int Concentration, int Routers, int Width, int Height)
{
    /// <summary>The layout of <paramref name="tileCount"/> tiles; <paramref name="width"/> 0 picks ⌈√routers⌉.</summary>
    public static MeshLayout For(NocSpec noc, int tileCount, int width = 0)
    {
        ArgumentNullException.ThrowIfNull(noc);
        var concentration = Math.Max(1, noc.Concentration);
        var routers = Math.Max(1, (tileCount + concentration - 1) / concentration);
        var meshWidth = width > 0 ? width : Math.Max(1, (int)Math.Ceiling(Math.Sqrt(routers)));
        return new MeshLayout(concentration, routers, meshWidth, (routers + meshWidth - 1) / meshWidth);
    }

    /// <summary>Directed router-to-router links of the mesh.</summary>
    public int Links => (2 * (Width - 1) * Height) + (2 * Width * (Height - 1));

    public int RouterOf(int tile) => tile / Concentration;

    /// <summary>Router-to-router links an XY route from one tile to another crosses.</summary>
    public int Hops(int source, int target)
    {
        int a = RouterOf(source), b = RouterOf(target);
        return Math.Abs((a % Width) - (b % Width)) + Math.Abs((a / Width) - (b / Width));
    }
}
