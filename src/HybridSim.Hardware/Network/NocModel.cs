using HybridSim.Kernel;
using System.Globalization;
using HybridSim.Activity;
using HybridSim.Hardware.Tracing;
using HybridSim.Specs.Architecture;

namespace HybridSim.Hardware.Network;

/// <summary>
/// The network-on-chip: tiles on the <see cref="MeshLayout"/> the compiler planned with, XY dimension-order routing.
/// A packet holds each directed link it crosses for the <see cref="NocTiming.SerialisationCycles"/> of its flits
/// (virtual cut-through: the head moves on after router + link latency while the body streams behind it); on an idle
/// network it arrives <see cref="NocTiming.TransferCycles"/> after injection.
/// Links are reservation timelines, so two packets wanting one link at once are served one after the other.
/// Counts: <c>router</c> flits × routers traversed, <c>link</c> flits × links traversed,
/// <c>inter_node_link</c> one packet per crossing between nodes (tiles t / TilesPerNode).
/// </summary>
public sealed class NocModel
{
    private static readonly string[] DirectionNames = [.. Enum.GetNames<LinkDirection>().Select(n => n.ToLowerInvariant())];
    private static readonly int Directions = DirectionNames.Length;

    private readonly NocSpec _spec;
    private readonly long _cyclePs;
    private readonly ReservationTimeline?[] _links;
    private readonly Kernel.Simulation _sim;
    private readonly int[] _linkTrack;
    private readonly ActivityLedger _ledger;
    private readonly TraceRecorder? _trace;
    private readonly int _routerSlot;
    private readonly int _linkSlot;
    private readonly int _interNodeSlot;

    public NocModel(Kernel.Simulation simulation, ArchitectureSpec architecture, int tileCount, int meshWidth, ActivityLedger ledger, TraceRecorder? trace)
    {
        _sim = simulation;
        _spec = architecture.Noc;
        _cyclePs = architecture.CyclePicoseconds;
        _ledger = ledger;
        _trace = trace;
        Mesh = MeshLayout.For(_spec, tileCount, meshWidth);
        Concentration = Mesh.Concentration;
        Routers = Mesh.Routers;
        MeshWidth = Mesh.Width;
        MeshHeight = Mesh.Height;
        _links = new ReservationTimeline?[MeshWidth * MeshHeight * Directions];
        _linkTrack = new int[_links.Length];
        Array.Fill(_linkTrack, -1);
        Links = Mesh.Links;
        Nodes = _spec.TilesPerNode > 0 ? (tileCount + _spec.TilesPerNode - 1) / _spec.TilesPerNode : 1;
        _routerSlot = ledger.Slot(ActivityScope.Noc, TileKind.Analog, ComponentCatalogue.Router, ComponentActions.Flit);
        _linkSlot = ledger.Slot(ActivityScope.Noc, TileKind.Analog, ComponentCatalogue.Link, ComponentActions.Flit);
        _interNodeSlot = ledger.Slot(ActivityScope.Noc, TileKind.Analog, ComponentCatalogue.InterNodeLink, ComponentActions.Packet);
    }

    /// <summary>Where the tiles sit: the layout the compiler planned with.</summary>
    public MeshLayout Mesh { get; }

    public int Concentration { get; }

    public int Routers { get; }

    public int MeshWidth { get; }

    public int MeshHeight { get; }

    /// <summary>Directed router-to-router links of the mesh.</summary>
    public int Links { get; }

    /// <summary>Nodes the tiles span.</summary>
    public int Nodes { get; }

    public long LinkBusyPicoseconds { get; private set; }

    public long FlitHops { get; private set; }

    public long Packets { get; private set; }

    public int RouterOf(int tile) => Mesh.RouterOf(tile);

    /// <summary>Router-to-router links an XY route from one tile to another crosses.</summary>
    public int Hops(int source, int target) => Mesh.Hops(source, target);

    public int Flits(long bits) => (int)NocTiming.Flits(_spec, bits);

    /// <summary>
    /// Sends a packet injected at <paramref name="at"/> (picoseconds). Returns when the sender's interface is free again
    /// (after serializing the packet) and when the tail arrives at the target tile.
    /// </summary>
    public (long InjectDone, long Arrival) Send(int source, int target, long bits, long at, int layer)
    {
        var flits = Flits(bits);
        var serialization = NocTiming.SerialisationCycles(_spec, flits) * _cyclePs;
        var routerPs = _spec.RouterLatencyCycles * _cyclePs;
        var linkPs = _spec.LinkLatencyCycles * _cyclePs;

        int r = RouterOf(source), dst = RouterOf(target);
        int x = r % MeshWidth, y = r / MeshWidth;
        int tx = dst % MeshWidth, ty = dst / MeshWidth;
        var head = at + routerPs;
        var links = 0;
        while (x != tx || y != ty)
        {
            LinkDirection dir;
            if (x != tx)
            {
                dir = tx > x ? LinkDirection.East : LinkDirection.West;
            }
            else
            {
                dir = ty < y ? LinkDirection.North : LinkDirection.South;
            }

            var link = (((y * MeshWidth) + x) * Directions) + (int)dir;
            var timeline = _links[link] ??= new ReservationTimeline();
            var start = timeline.Reserve(head, serialization, _sim.Now);
            LinkBusyPicoseconds += serialization;
            if (_trace is not null)
            {
                if (_linkTrack[link] < 0)
                {
                    _linkTrack[link] = _trace.Track(
                        TraceIds.NocProcess,
                        "noc",
                        link,
                        string.Create(CultureInfo.InvariantCulture, $"router {(y * MeshWidth) + x} {DirectionNames[(int)dir]}"));
                }

                _trace.Span(_linkTrack[link], "packet", start, serialization);
            }

            head = start + linkPs + routerPs;
            links++;
            switch (dir)
            {
                case LinkDirection.East: x++; break;
                case LinkDirection.West: x--; break;
                case LinkDirection.North: y--; break;
                default: y++; break;
            }
        }

        var arrival = head + serialization;
        if (NocTiming.CrossesNodes(_spec, source, target))
        {
            arrival += _spec.InterNodeLatencyCycles * _cyclePs;
            _ledger.Add(_interNodeSlot, layer, 1);
        }

        _ledger.Add(_routerSlot, layer, (long)flits * (links + 1));
        _ledger.Add(_linkSlot, layer, (long)flits * links);
        FlitHops += (long)flits * links;
        Packets++;
        return (at + serialization, arrival);
    }
}
