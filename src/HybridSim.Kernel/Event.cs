namespace HybridSim.Kernel;

/// <summary>
/// Something that happens at one instant of simulated time. An event is pending until it is triggered
/// (<see cref="Succeed(int)"/> or <see cref="Fail"/>), which schedules it at <see cref="Simulation.Now"/>; it is
/// processed when the simulation pops it from the queue, and then its waiters (processes, conditions, callbacks)
/// run in the order they started waiting.
/// </summary>
/// <remarks>
/// Failure handling. A failed event is "handled" when a process or condition waits on it (the failure moves to
/// that waiter) or when <see cref="Defused"/> was set. A failed event that nobody handles makes
/// <see cref="Simulation.Run()"/> throw a <see cref="SimulationException"/>.
/// </remarks>
public class Event
{
    // Waiters: null, one waiter (an Event such as a Process or Condition, or an Action<Event>), or a List<object>.
    // One slot covers the common case (one process waiting) without allocating a list.
    private object? _waiters;

    // Description and failure share one field (both are rare): a string, an Exception, or a FailedEventInfo with both.
    // This keeps a Timeout at 48 bytes.
    private object? _info;
    internal EventState _state;
    internal bool _ok;
    internal bool _failureObserved;

    /// <summary>A fresh pending event; same as <see cref="Simulation.Event()"/>.</summary>
    public Event(Simulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        Simulation = simulation;
    }

    /// <summary>The simulation this event belongs to.</summary>
    public Simulation Simulation { get; }

    /// <summary>True once <see cref="Succeed(int)"/> or <see cref="Fail"/> was called (or the kernel scheduled it).</summary>
    public bool IsTriggered => _state != EventState.Pending;

    /// <summary>True once the simulation has popped the event and run its waiters.</summary>
    public bool IsProcessed => _state == EventState.Processed;

    /// <summary>True when the event is triggered and succeeded; false while pending or when it failed.</summary>
    public bool IsOk => _ok;

    /// <summary>The failure, when the event failed; null otherwise.</summary>
    public Exception? Exception => _info switch
    {
        Exception exception => exception,
        FailedEventInfo both => both.Exception,
        _ => null,
    };

    /// <summary>
    /// Set before yielding an event to handle its failure yourself: a process that yields a defused event is resumed
    /// even when the event fails and must inspect <see cref="IsOk"/>/<see cref="Exception"/>; an undefused failure
    /// is instead propagated (the process stops and fails with the same exception).
    /// </summary>
    public bool Defused { get; set; }

    /// <summary>What the event is ("load tile3 addr 1024"), for deadlock reports. Has a kernel default when unset.</summary>
    public string? Description
    {
        get => _info switch
        {
            string text => text,
            FailedEventInfo both => both.Description,
            _ => DefaultDescription(),
        };

        set => _info = _info switch
        {
            Exception exception => value is null ? exception : new FailedEventInfo(value, exception),
            FailedEventInfo both => value is null ? both.Exception : new FailedEventInfo(value, both.Exception),
            _ => value,
        };
    }

    /// <summary>Triggers the event successfully: it is scheduled at <see cref="Simulation.Now"/>.</summary>
    /// <exception cref="InvalidOperationException">The event was already triggered.</exception>
    public Event Succeed(int priority = 0)
    {
        EnsurePending();
        _ok = true;
        Simulation.Schedule(this, 0, priority);
        return this;
    }

    /// <summary>Triggers the event as failed: it is scheduled at <see cref="Simulation.Now"/> carrying the exception.</summary>
    /// <exception cref="InvalidOperationException">The event was already triggered.</exception>
    public Event Fail(Exception exception, int priority = 0)
    {
        ArgumentNullException.ThrowIfNull(exception);
        EnsurePending();
        SetFailed(exception);
        Simulation.Schedule(this, 0, priority);
        return this;
    }

    /// <summary>
    /// Runs <paramref name="callback"/> when the event is processed. If it is already processed, the callback runs
    /// from the event loop at the current time (scheduled, never inline).
    /// </summary>
    public void AddCallback(Action<Event> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (_state == EventState.Processed)
        {
            var relay = new CallbackRelay(Simulation, this, callback);
            relay.Succeed();
            return;
        }

        AddWaiter(callback);
    }

    /// <summary>An event that fires when both fire (see <see cref="Simulation.AllOf"/>).</summary>
    public static Condition operator &(Event a, Event b) => Condition.Combine(ConditionKind.All, a, b);

    /// <summary>An event that fires when either fires (see <see cref="Simulation.AnyOf"/>).</summary>
    public static Condition operator |(Event a, Event b) => Condition.Combine(ConditionKind.Any, a, b);

    /// <inheritdoc/>
    public override string ToString()
    {
        var state = _state switch
        {
            EventState.Pending => "pending",
            EventState.Triggered => _ok ? "triggered ok" : "triggered failed",
            _ => _ok ? "processed ok" : "processed failed",
        };
        return $"{Description} [{state}]";
    }

    /// <summary>The description used when none was set.</summary>
    private protected virtual string DefaultDescription() => GetType().Name.ToLowerInvariant();

    /// <summary>Called for an event or condition this one waits on (a waiter registered by <see cref="AddWaiter"/>).</summary>
    internal virtual void OnWaitedEventProcessed(Event processed)
    {
    }

    internal void EnsurePending()
    {
        if (_state != EventState.Pending)
        {
            throw new InvalidOperationException($"{Description}: event already triggered");
        }
    }

    /// <summary>Triggers the event on behalf of the kernel (no pending check; value already stored).</summary>
    internal void TriggerOk(long delay, int priority)
    {
        _ok = true;
        Simulation.Schedule(this, delay, priority);
    }

    internal void SetFailed(Exception exception)
    {
        _ok = false;
        _info = _info is string text ? new FailedEventInfo(text, exception) : exception;
    }

    internal void AddWaiter(object waiter)
    {
        var current = _waiters;
        if (current is null)
        {
            _waiters = waiter;
        }
        else if (current is List<object> list)
        {
            list.Add(waiter);
        }
        else
        {
            _waiters = new List<object>(4) { current, waiter };
        }
    }

    /// <summary>Marks the event processed and runs its waiters in registration order.</summary>
    internal void Process()
    {
        _state = EventState.Processed;
        var waiters = _waiters;
        if (waiters is null)
        {
            return;
        }

        _waiters = null;
        if (waiters is Event single)
        {
            single.OnWaitedEventProcessed(this);
        }
        else if (waiters is List<object> list)
        {
            // Index loop: a waiter may not add to this list (the event is processed), so the count is stable.
            for (var i = 0; i < list.Count; i++)
            {
                Notify(list[i]);
            }
        }
        else
        {
            ((Action<Event>)waiters)(this);
        }
    }

    private void Notify(object waiter)
    {
        if (waiter is Event ev)
        {
            ev.OnWaitedEventProcessed(this);
        }
        else
        {
            ((Action<Event>)waiter)(this);
        }
    }
}
