namespace HybridSim.Kernel;

/// <summary>
/// A resource with <see cref="Capacity"/> identical slots (ports, lanes, units). Requests are granted in order of
/// (priority, arrival): lower priority values first, ties FIFO; no pre-emption. Keeps the statistics a hardware
/// model reports: busy time, queue length over time, waits.
/// </summary>
public sealed class Resource
{
    private const int SequenceBits = 40;

    private readonly PriorityQueue<Request, ulong> _queue = new();
    private ulong _sequence;
    private long _lastChange;
    private long _busyArea;
    private long _queueArea;

    public Resource(Simulation sim, int capacity, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Simulation = sim;
        Capacity = capacity;
        Name = name ?? "resource";
        CreatedAt = sim.Now;
        _lastChange = sim.Now;
    }

    public Simulation Simulation { get; }

    public string Name { get; }

    public int Capacity { get; }

    /// <summary>Slots currently granted.</summary>
    public int InUse { get; private set; }

    /// <summary>Requests waiting (withdrawn ones excluded).</summary>
    public int QueueLength { get; private set; }

    /// <summary>When the resource was created (ps): the start of its statistics.</summary>
    public long CreatedAt { get; }

    /// <summary>Requests made.</summary>
    public long Requests { get; private set; }

    /// <summary>Requests granted.</summary>
    public long Served { get; private set; }

    /// <summary>Sum over granted requests of (grant time − request time), ps.</summary>
    public long TotalWait { get; private set; }

    /// <summary>Longest wait of a granted request, ps.</summary>
    public long MaxWait { get; private set; }

    /// <summary>Longest queue seen.</summary>
    public int MaxQueueLength { get; private set; }

    /// <summary>∫ InUse dt from creation to now, in picosecond·slots.</summary>
    public long BusyTime => _busyArea + ((Simulation.Now - _lastChange) * InUse);

    /// <summary>∫ QueueLength dt from creation to now, in picosecond·requests.</summary>
    public long QueueArea => _queueArea + ((Simulation.Now - _lastChange) * QueueLength);

    /// <summary>Mean wait of granted requests (ps), 0 when none.</summary>
    public double MeanWait => Served == 0 ? 0 : (double)TotalWait / Served;

    /// <summary>Time-weighted mean queue length since creation, 0 at creation time.</summary>
    public double MeanQueueLength
    {
        get
        {
            var span = Simulation.Now - CreatedAt;
            return span == 0 ? 0 : (double)QueueArea / span;
        }
    }

    /// <summary>Busy time divided by (capacity × <paramref name="span"/>), e.g. span = total simulated time.</summary>
    public double Utilization(long span)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(span);
        return (double)BusyTime / ((double)Capacity * span);
    }

    /// <summary>Utilization since creation, 0 at creation time.</summary>
    public double Utilization()
    {
        var span = Simulation.Now - CreatedAt;
        return span == 0 ? 0 : Utilization(span);
    }

    /// <summary>Asks for one slot; yield the request to wait for it, dispose it (or <see cref="Release"/>) to free it.</summary>
    public Request Request(int priority = 0)
    {
        if (priority < Simulation.MinPriority || priority > Simulation.MaxPriority)
        {
            throw new ArgumentOutOfRangeException(nameof(priority), priority, $"priority must be in [{Simulation.MinPriority}, {Simulation.MaxPriority}]");
        }

        var request = new Request(this, priority, Simulation.Now);
        Requests++;
        if (InUse < Capacity)
        {
            Grant(request);
        }
        else
        {
            Account();
            var key = ((ulong)(uint)(priority - Simulation.MinPriority) << SequenceBits) | _sequence++;
            _queue.Enqueue(request, key);
            QueueLength++;
            if (QueueLength > MaxQueueLength)
            {
                MaxQueueLength = QueueLength;
            }
        }

        return request;
    }

    /// <summary>Frees the slot of a granted request, or withdraws a queued one; releasing twice does nothing.</summary>
    public void Release(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Resource != this)
        {
            throw new ArgumentException($"the request belongs to resource '{request.Resource.Name}', not '{Name}'", nameof(request));
        }

        switch (request.State)
        {
            case RequestState.Granted:
                Account();
                InUse--;
                request.State = RequestState.Released;
                GrantWaiting();
                break;
            case RequestState.Queued:
                // Lazy removal: the heap entry is skipped when it reaches the front.
                Account();
                QueueLength--;
                request.State = RequestState.Cancelled;
                break;
            default:
                break;
        }
    }

    private void GrantWaiting()
    {
        while (InUse < Capacity && _queue.TryDequeue(out var next, out _))
        {
            if (next.State != RequestState.Queued)
            {
                continue;
            }

            Account();
            QueueLength--;
            Grant(next);
        }
    }

    private void Grant(Request request)
    {
        Account();
        InUse++;
        var now = Simulation.Now;
        var wait = now - request.RequestedAt;
        request.State = RequestState.Granted;
        request.GrantedAt = now;
        Served++;
        TotalWait += wait;
        if (wait > MaxWait)
        {
            MaxWait = wait;
        }

        request.TriggerOk(0, 0);
    }

    private void Account()
    {
        var now = Simulation.Now;
        var dt = now - _lastChange;
        if (dt != 0)
        {
            _busyArea += dt * InUse;
            _queueArea += dt * QueueLength;
            _lastChange = now;
        }
    }
}
