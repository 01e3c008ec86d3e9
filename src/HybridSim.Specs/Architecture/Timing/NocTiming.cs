namespace HybridSim.Specs.Architecture;

/// <summary>
/// Packet timing on the network-on-chip, shared by the compiler's cost estimate and the hardware's NoC model. A packet
/// of F = ⌈bits / flit bits⌉ flits holds each link it crosses for S = ⌈F / link flits per cycle⌉ cycles (a partial cycle
/// still holds the link); its head takes one router traversal to leave the source and link + router latency per hop.
/// </summary>
public static class NocTiming
{
    public static long Flits(NocSpec noc, long bits)
    {
        ArgumentNullException.ThrowIfNull(noc);
        var flitBits = Math.Max(1, noc.FlitBits);
        return (bits + flitBits - 1) / flitBits;
    }

    /// <summary>Cycles a packet of <paramref name="flits"/> holds a link (and the sender's interface): rounded up.</summary>
    public static long SerialisationCycles(NocSpec noc, long flits)
    {
        ArgumentNullException.ThrowIfNull(noc);
        var perCycle = Math.Max(1, noc.LinkFlitsPerCycle);
        return (flits + perCycle - 1) / perCycle;
    }

    /// <summary>Whether a packet between two tiles crosses from one node to another.</summary>
    public static bool CrossesNodes(NocSpec noc, int source, int target)
    {
        ArgumentNullException.ThrowIfNull(noc);
        return noc.TilesPerNode > 0 && source / noc.TilesPerNode != target / noc.TilesPerNode;
    }

    /// <summary>
    /// Cycles from injecting a packet of <paramref name="bits"/> until its tail arrives, on an idle network:
    /// router + hops × (link + router) + serialisation, plus the inter-node latency when it crosses nodes.
    /// </summary>
    public static long TransferCycles(NocSpec noc, MeshLayout mesh, int source, int target, long bits)
    {
        ArgumentNullException.ThrowIfNull(noc);
        ArgumentNullException.ThrowIfNull(mesh);
        var hops = mesh.Hops(source, target);
        var head = noc.RouterLatencyCycles + ((long)hops * (noc.LinkLatencyCycles + noc.RouterLatencyCycles));
        var interNode = CrossesNodes(noc, source, target) ? noc.InterNodeLatencyCycles : 0;
        return head + SerialisationCycles(noc, Flits(noc, bits)) + interNode;
    }
}
