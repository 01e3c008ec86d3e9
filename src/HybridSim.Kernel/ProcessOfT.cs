namespace HybridSim.Kernel;

/// <summary>
/// A process that returns a typed value: its generator ends with <c>yield return sim.Exit(value)</c>, with a value
/// of type <typeparamref name="T"/>. Ending without it fails the process. Created by
/// <see cref="Simulation.Process{T}"/>.
/// </summary>
public sealed class Process<T> : Process
{
    private T _value = default!;

    internal Process(Simulation simulation, IEnumerable<Event> generator, string? name)
        : base(simulation, generator, name)
    {
    }

    /// <summary>The value the process exited with.</summary>
    /// <exception cref="InvalidOperationException">The process has not finished yet, or it failed (inner exception).</exception>
    public T Value
    {
        get
        {
            if (!IsTriggered)
            {
                throw new InvalidOperationException($"process '{Name}' has not finished");
            }

            if (!IsOk)
            {
                throw new InvalidOperationException($"process '{Name}' failed", Exception);
            }

            return _value;
        }
    }

    private protected override bool RequiresExit => true;

    internal override void SetExitValue<TValue>(TValue value)
    {
        if (value is T typed)
        {
            _value = typed;
        }
        else if (value is null && default(T) is null)
        {
            _value = default!;
        }
        else
        {
            throw new InvalidOperationException(
                $"process '{Name}' is a Process<{typeof(T).Name}> but Exit got a {typeof(TValue).Name}");
        }

        MarkExited();
    }

    private protected override object? BoxedResult() => _value;
}
