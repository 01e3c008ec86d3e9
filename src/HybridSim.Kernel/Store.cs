namespace HybridSim.Kernel;

/// <summary>
/// A bounded FIFO buffer of items (a queue between units). <see cref="Put"/> waits while the store is full,
/// <see cref="Get"/> waits while it is empty; both are served FIFO. Keeps put/get counts, waits and occupancy.
/// </summary>
public sealed class Store<T>
{
    private readonly Queue<T> _items = new();
    private readonly Queue<(T Item, StorePut Event, long Since)> _putters = new();
    private readonly Queue<(StoreGet<T> Event, long Since)> _getters = new();
    private long _lastChange;
    private long _occupancyArea;

    public Store(Simulation sim, int capacity = int.MaxValue, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Simulation = sim;
        Capacity = capacity;
        Name = name ?? "store";
        CreatedAt = sim.Now;
        _lastChange = sim.Now;
    }

    public Simulation Simulation { get; }

    public string Name { get; }

    public int Capacity { get; }

    /// <summary>Items in the store now.</summary>
    public int Count => _items.Count;

    /// <summary>Puts waiting for space.</summary>
    public int PendingPuts => _putters.Count;

    /// <summary>Gets waiting for an item.</summary>
    public int PendingGets => _getters.Count;

    /// <summary>When the store was created (ps): the start of its statistics.</summary>
    public long CreatedAt { get; }

    /// <summary>Completed puts.</summary>
    public long Puts { get; private set; }

    /// <summary>Completed gets.</summary>
    public long Gets { get; private set; }

    /// <summary>Sum of the time completed puts waited for space (ps).</summary>
    public long TotalPutWait { get; private set; }

    /// <summary>Longest wait of a completed put (ps).</summary>
    public long MaxPutWait { get; private set; }

    /// <summary>Sum of the time completed gets waited for an item (ps).</summary>
    public long TotalGetWait { get; private set; }

    /// <summary>Longest wait of a completed get (ps).</summary>
    public long MaxGetWait { get; private set; }

    /// <summary>Most items held at once.</summary>
    public int MaxOccupancy { get; private set; }

    /// <summary>∫ Count dt since creation, in picosecond·items.</summary>
    public long OccupancyArea => _occupancyArea + ((Simulation.Now - _lastChange) * _items.Count);

    /// <summary>Time-weighted mean number of items since creation, 0 at creation time.</summary>
    public double MeanOccupancy
    {
        get
        {
            var span = Simulation.Now - CreatedAt;
            return span == 0 ? 0 : (double)OccupancyArea / span;
        }
    }

    /// <summary>Puts <paramref name="item"/>; the event succeeds once it is in the store (at once unless full).</summary>
    public Event Put(T item)
    {
        if (_getters.Count > 0)
        {
            // Getters wait only while the store is empty: hand the item over directly.
            var (get, since) = _getters.Dequeue();
            CompleteGet(get, item, since);
            return CompletePut(new Event(Simulation), Simulation.Now);
        }

        if (_items.Count < Capacity)
        {
            Enqueue(item);
            return CompletePut(new Event(Simulation), Simulation.Now);
        }

        // Only waiting events need a name for deadlock reports; completed ones stay plain and small.
        var put = new StorePut(Simulation, Name);
        _putters.Enqueue((item, put, Simulation.Now));
        return put;
    }

    /// <summary>Takes the oldest item; the event succeeds with it once there is one (at once unless empty).</summary>
    public Event<T> Get()
    {
        if (_items.Count > 0)
        {
            Account();
            var get = new Event<T>(Simulation);
            CompleteGet(get, _items.Dequeue(), Simulation.Now);
            if (_putters.Count > 0)
            {
                var (item, put, since) = _putters.Dequeue();
                Enqueue(item);
                CompletePut(put, since);
            }

            return get;
        }

        var waiting = new StoreGet<T>(Simulation, Name);
        _getters.Enqueue((waiting, Simulation.Now));
        return waiting;
    }

    private void Enqueue(T item)
    {
        Account();
        _items.Enqueue(item);
        if (_items.Count > MaxOccupancy)
        {
            MaxOccupancy = _items.Count;
        }
    }

    private Event CompletePut(Event put, long since)
    {
        var wait = Simulation.Now - since;
        Puts++;
        TotalPutWait += wait;
        if (wait > MaxPutWait)
        {
            MaxPutWait = wait;
        }

        put.TriggerOk(0, 0);
        return put;
    }

    private void CompleteGet(Event<T> get, T item, long since)
    {
        var wait = Simulation.Now - since;
        Gets++;
        TotalGetWait += wait;
        if (wait > MaxGetWait)
        {
            MaxGetWait = wait;
        }

        get.SetValue(item);
        get.TriggerOk(0, 0);
    }

    private void Account()
    {
        var now = Simulation.Now;
        var dt = now - _lastChange;
        if (dt != 0)
        {
            _occupancyArea += dt * _items.Count;
            _lastChange = now;
        }
    }
}
