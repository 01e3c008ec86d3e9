namespace HybridSim.Kernel;

/// <summary>
/// A bounded FIFO buffer of items (a queue between units). <see cref="Put"/> waits while the store is full,
/// <see cref="Get"/> waits while it is empty; both are served FIFO. Keeps put/get counts, waits and occupancy.
/// </summary>
public sealed class Store<T>
{
    private readonly Queue<T> _items = new();
    private readonly Queue<(T Item, StorePut Event)> _putters = new();
    private readonly Queue<StoreGet<T>> _getters = new();
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
        var now = Simulation.Now;
        var put = new StorePut(Simulation, Name, now);
        if (_getters.Count > 0)
        {
            // Getters wait only while the store is empty: hand the item over directly.
            CompleteGet(_getters.Dequeue(), item);
            CompletePut(put);
        }
        else if (_items.Count < Capacity)
        {
            Enqueue(item);
            CompletePut(put);
        }
        else
        {
            _putters.Enqueue((item, put));
        }

        return put;
    }

    /// <summary>Takes the oldest item; the event succeeds with it once there is one (at once unless empty).</summary>
    public Event<T> Get()
    {
        var get = new StoreGet<T>(Simulation, Name, Simulation.Now);
        if (_items.Count > 0)
        {
            Account();
            CompleteGet(get, _items.Dequeue());
            if (_putters.Count > 0)
            {
                var (item, put) = _putters.Dequeue();
                Enqueue(item);
                CompletePut(put);
            }
        }
        else
        {
            _getters.Enqueue(get);
        }

        return get;
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

    private void CompletePut(StorePut put)
    {
        var wait = Simulation.Now - put.RequestedAt;
        Puts++;
        TotalPutWait += wait;
        if (wait > MaxPutWait)
        {
            MaxPutWait = wait;
        }

        put.TriggerOk(0, 0);
    }

    private void CompleteGet(StoreGet<T> get, T item)
    {
        var wait = Simulation.Now - get.RequestedAt;
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
