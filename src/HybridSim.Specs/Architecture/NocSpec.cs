using System.Collections.Immutable;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// The network-on-chip: a (concentrated) mesh with dimension-order routing. Components (per router):
/// <c>router</c> (action <c>flit</c>: energy per flit per hop through the router), <c>link</c> (action <c>flit</c>),
/// and optionally <c>inter_node_link</c> (action <c>packet</c>).
/// </summary>
/// <param name="Topology">"mesh" or "cmesh".</param>
/// <param name="Concentration">Tiles per router (1 for a plain mesh).</param>
/// <param name="FlitBits">Bits per flit.</param>
/// <param name="PacketWords">Data words per packet (PUMA: 16).</param>
/// <param name="LinkFlitsPerCycle">Link bandwidth.</param>
/// <param name="RouterLatencyCycles">Pipeline latency of one router traversal.</param>
/// <param name="LinkLatencyCycles">Latency of one link traversal.</param>
/// <param name="TilesPerNode">Tiles one node holds; a workload needing more spans nodes joined by inter-node links.</param>
/// <param name="InterNodeLatencyCycles">Extra latency of one inter-node hop.</param>
public sealed record NocSpec(
    string Topology,
    int Concentration,
    int FlitBits,
    int PacketWords,
    int LinkFlitsPerCycle,
    int RouterLatencyCycles,
    int LinkLatencyCycles,
    int TilesPerNode,
    int InterNodeLatencyCycles,
    ImmutableArray<ComponentSpec> Components)
{
    public ComponentSpec? Component(string name) => Components.FirstOrDefault(c => c.Name == name);
}
