using System.Text;

namespace HybridSim.Kernel;

/// <summary>
/// An event over other events: <see cref="ConditionKind.All"/> succeeds once all of them succeeded,
/// <see cref="ConditionKind.Any"/> once one did; either fails as soon as one of them fails (with its exception).
/// Events already processed count at once. With no events it succeeds immediately.
/// When processed, <see cref="Fired"/> lists the events that had been processed successfully by then (in the order
/// given), and <see cref="ValueOf{T}"/> reads their typed values.
/// </summary>
public sealed class Condition : Event
{
    private readonly Event[] _events;
    private int _succeeded;
    private Event[]? _fired;

    internal Condition(Simulation simulation, ConditionKind kind, Event[] events)
        : base(simulation)
    {
        ArgumentNullException.ThrowIfNull(events);
        Kind = kind;
        _events = (Event[])events.Clone();
        foreach (var ev in _events)
        {
            ArgumentNullException.ThrowIfNull(ev, nameof(events));
            if (ev.Simulation != simulation)
            {
                throw new ArgumentException("a condition cannot mix events of different simulations", nameof(events));
            }
        }

        // First waiter on itself: records which events fired before the other waiters run.
        AddWaiter(this);
        if (_events.Length == 0)
        {
            TriggerOk(0, 0);
            return;
        }

        foreach (var ev in _events)
        {
            if (ev.IsProcessed)
            {
                Check(ev);
            }
            else
            {
                ev.AddWaiter(this);
            }
        }
    }

    /// <summary>All or any.</summary>
    public ConditionKind Kind { get; }

    /// <summary>The events this condition is over, in the order given.</summary>
    public IReadOnlyList<Event> Events => _events;

    /// <summary>The events processed successfully when the condition was processed (empty before that).</summary>
    public IReadOnlyList<Event> Fired => _fired ?? [];

    /// <summary>True when <paramref name="ev"/> is among <see cref="Fired"/>.</summary>
    public bool Contains(Event ev) => _fired is not null && Array.IndexOf(_fired, ev) >= 0;

    /// <summary>The value of a fired event.</summary>
    /// <exception cref="InvalidOperationException">The event is not among <see cref="Fired"/>.</exception>
    public T ValueOf<T>(Event<T> ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (!Contains(ev))
        {
            throw new InvalidOperationException($"{ev.Description} did not fire for this condition");
        }

        return ev.Value;
    }

    internal static Condition Combine(ConditionKind kind, Event a, Event b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Simulation != b.Simulation)
        {
            throw new ArgumentException("a condition cannot mix events of different simulations", nameof(b));
        }

        // Flatten (a & b) & c into one condition over a, b, c: same outcome, one list of fired events.
        var left = a is Condition ca && ca.Kind == kind ? ca._events : [a];
        var right = b is Condition cb && cb.Kind == kind ? cb._events : [b];
        var all = new Event[left.Length + right.Length];
        left.CopyTo(all, 0);
        right.CopyTo(all, left.Length);
        return new Condition(a.Simulation, kind, all);
    }

    internal override void OnWaitedEventProcessed(Event processed)
    {
        if (ReferenceEquals(processed, this))
        {
            RecordFired();
            return;
        }

        Check(processed);
    }

    private protected override string DefaultDescription()
    {
        // List what is still awaited: that is what a deadlock report needs.
        var text = new StringBuilder(Kind == ConditionKind.All ? "all of (" : "any of (");
        var first = true;
        foreach (var ev in _events)
        {
            if (!ev.IsProcessed)
            {
                text.Append(first ? string.Empty : ", ").Append(ev.Description);
                first = false;
            }
        }

        return text.Append(')').ToString();
    }

    private void Check(Event ev)
    {
        if (IsTriggered)
        {
            return;
        }

        if (!ev._ok)
        {
            ev._failureObserved = true;
            SetFailed(ev.Exception!);
            Simulation.Schedule(this, 0, 0);
            return;
        }

        _succeeded++;
        if (Kind == ConditionKind.Any || _succeeded == _events.Length)
        {
            TriggerOk(0, 0);
        }
    }

    private void RecordFired()
    {
        var count = 0;
        foreach (var ev in _events)
        {
            if (ev.IsProcessed && ev._ok)
            {
                count++;
            }
        }

        var fired = new Event[count];
        var i = 0;
        foreach (var ev in _events)
        {
            if (ev.IsProcessed && ev._ok)
            {
                fired[i++] = ev;
            }
        }

        _fired = fired;
    }
}
