using HybridSim.Kernel;

namespace HybridSim.Hardware.Tiles;

/// <summary>
/// One receive FIFO of a tile, tagged by the sender's FIFO id, holding at most Depth packets counting those still in
/// flight (credit-based flow control: a sender injects only when the FIFO has room). Packets carry only their arrival time:
/// the simulator models timing, not values.
/// </summary>
public sealed class ReceiveFifo
{
    private readonly Simulation _sim;
    private readonly Queue<long> _arrivals = new();
    private Event? _dataWaiter;
    private Event? _spaceWaiter;

    public ReceiveFifo(Simulation sim, int fifoId, int depth)
    {
        _sim = sim;
        FifoId = fifoId;
        Depth = Math.Max(1, depth);
    }

    public int FifoId { get; }

    public int Depth { get; }

    public int Count => _arrivals.Count;

    public bool HasRoom => _arrivals.Count < Depth;

    public int MaxOccupancy { get; private set; }

    public long PeekArrival() => _arrivals.Peek();

    public void Enqueue(long arrival)
    {
        _arrivals.Enqueue(arrival);
        MaxOccupancy = Math.Max(MaxOccupancy, _arrivals.Count);
        if (_dataWaiter is not null)
        {
            var e = _dataWaiter;
            _dataWaiter = null;
            e.Succeed();
        }
    }

    public long Dequeue()
    {
        var arrival = _arrivals.Dequeue();
        if (_spaceWaiter is not null)
        {
            var e = _spaceWaiter;
            _spaceWaiter = null;
            e.Succeed();
        }

        return arrival;
    }

    /// <summary>Fires when a packet is next enqueued.</summary>
    public Event WaitForData() => _dataWaiter ??= _sim.Event();

    /// <summary>Fires when a packet is next dequeued.</summary>
    public Event WaitForRoom() => _spaceWaiter ??= _sim.Event();
}
