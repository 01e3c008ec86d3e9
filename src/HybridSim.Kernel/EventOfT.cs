namespace HybridSim.Kernel;

/// <summary>An event that carries a typed value once it succeeds.</summary>
public class Event<T> : Event
{
    private T _value = default!;

    /// <summary>A fresh pending event; same as <see cref="Simulation.Event{T}()"/>.</summary>
    public Event(Simulation simulation)
        : base(simulation)
    {
    }

    /// <summary>The value it succeeded with.</summary>
    /// <exception cref="InvalidOperationException">The event is still pending, or it failed (the failure is the inner exception).</exception>
    public T Value
    {
        get
        {
            if (_state == EventState.Pending)
            {
                throw new InvalidOperationException($"{Description}: value of a pending event");
            }

            if (!_ok)
            {
                throw new InvalidOperationException($"{Description}: value of a failed event", Exception);
            }

            return _value;
        }
    }

    /// <summary>Triggers the event successfully with <paramref name="value"/>, scheduled at <see cref="Simulation.Now"/>.</summary>
    /// <exception cref="InvalidOperationException">The event was already triggered.</exception>
    public Event<T> Succeed(T value, int priority = 0)
    {
        EnsurePending();
        _value = value;
        _ok = true;
        Simulation.Schedule(this, 0, priority);
        return this;
    }

    internal void SetValue(T value) => _value = value;
}
