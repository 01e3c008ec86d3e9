using System.Globalization;

namespace HybridSim.Kernel;

/// <summary>
/// A simulated activity driven by an <see cref="IEnumerable{T}"/> of events (a C# iterator): each
/// <c>yield return ev</c> suspends the process until <c>ev</c> is processed. The process is itself an event that
/// succeeds when the generator finishes, so other processes can wait for it.
/// </summary>
/// <remarks>
/// <para>Yielding an event that is already processed resumes the process at once, at the same time.</para>
/// <para>Return values: yield <see cref="Simulation.Exit{T}"/> from a <see cref="Process{T}"/> (typed
/// <see cref="Process{T}.Value"/>); on a plain process the value lands in <see cref="Result"/>.</para>
/// <para>Failures (C# iterators cannot have an exception thrown into them): when a yielded event fails, the process is
/// not resumed; its generator is disposed (so <c>finally</c> and <c>using</c> blocks run, releasing resources) and the
/// process fails with the same exception, which propagates to whoever waits on it. To handle a failure yourself, set
/// <see cref="Event.Defused"/> (or call <see cref="EventExtensions.Defuse{TEvent}"/>) before yielding the event,
/// then inspect <see cref="Event.IsOk"/> and <see cref="Event.Exception"/> after it. An exception escaping the
/// generator fails the process too. A failed process that nobody waits on makes <see cref="Simulation.Run()"/> throw
/// a <see cref="SimulationException"/> naming it.</para>
/// </remarks>
public class Process : Event
{
    private readonly int _id;
    private string? _name;
    private IEnumerator<Event>? _generator;
    private Event? _target;
    private long _waitingSince;
    private object? _result;
    private bool _exited;
    internal Process? _previousAlive;
    internal Process? _nextAlive;

    internal Process(Simulation simulation, IEnumerable<Event> generator, string? name)
        : base(simulation)
    {
        ArgumentNullException.ThrowIfNull(generator);
        _generator = generator.GetEnumerator();
        _name = name;
        _id = simulation.NextProcessId();
        simulation.AddAlive(this);
        simulation.ScheduleStart(this);
    }

    /// <summary>The name given at creation, or "process#N" (N counts processes of this simulation from 1).</summary>
    public string Name => _name ??= "process#" + _id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The value passed to <see cref="Simulation.Exit{T}"/>, boxed. AVOID: prefer <see cref="Process{T}.Value"/>.
    /// </summary>
    public object? Result => BoxedResult();

    /// <summary>True until the generator has finished (normally, by exit, or by failure).</summary>
    public bool IsAlive => _generator is not null;

    /// <summary>The event the process currently waits on; null while starting, running or finished.</summary>
    public Event? Target => _target;

    /// <summary>When the process started waiting on <see cref="Target"/> (ps).</summary>
    public long WaitingSince => _waitingSince;

    /// <summary>Where a failure of this process was first raised (this process or a sub-process it waited on).</summary>
    internal string? FailureOrigin { get; private set; }

    /// <summary>True for <see cref="Process{T}"/>: ending without <see cref="Simulation.Exit{T}"/> is then an error.</summary>
    private protected virtual bool RequiresExit => false;

    internal virtual void SetExitValue<T>(T value)
    {
        _result = value;
        _exited = true;
    }

    private protected virtual object? BoxedResult() => _result;

    private protected void MarkExited() => _exited = true;

    private protected override string DefaultDescription() => $"process '{Name}'";

    internal void Start() => Resume(null);

    internal override void OnWaitedEventProcessed(Event processed) => Resume(processed);

    private void Resume(Event? ev)
    {
        var sim = Simulation;
        var generator = _generator!;
        _target = null;
        sim.SetActive(this);
        while (true)
        {
            if (ev is not null && !ev._ok && !ev.Defused)
            {
                // Propagate: the failure moves to this process.
                ev._failureObserved = true;
                FailureOrigin = ev is Process child ? child.FailureOrigin ?? child.Name : null;
                Finish(ev.Exception, disposeGenerator: true);
                break;
            }

            bool more;
            try
            {
                more = generator.MoveNext();
            }
            catch (Exception exception)
            {
                FailureOrigin = Name;
                Finish(exception, disposeGenerator: false);
                break;
            }

            if (!more)
            {
                Finish(
                    RequiresExit && !_exited
                        ? new InvalidOperationException($"process '{Name}' ended without yielding sim.Exit(value)")
                        : null,
                    disposeGenerator: false);
                break;
            }

            var next = generator.Current;
            if (next is null)
            {
                Finish(new InvalidOperationException($"process '{Name}' yielded null"), disposeGenerator: true);
                break;
            }

            if (ReferenceEquals(next, sim.ExitSentinel))
            {
                Finish(null, disposeGenerator: true);
                break;
            }

            if (next.Simulation != sim)
            {
                Finish(new InvalidOperationException($"process '{Name}' yielded an event of another simulation"), disposeGenerator: true);
                break;
            }

            if (next._state != EventState.Processed)
            {
                next.AddWaiter(this);
                _target = next;
                _waitingSince = sim.Now;
                break;
            }

            // Already processed: continue at once with its outcome.
            ev = next;
        }

        sim.SetActive(null);
    }

    private void Finish(Exception? failure, bool disposeGenerator)
    {
        var generator = _generator!;
        _generator = null;
        if (disposeGenerator)
        {
            try
            {
                generator.Dispose();
            }
            catch (Exception exception)
            {
                // As in C#, an exception thrown by a finally block replaces the one in flight.
                failure = exception;
                FailureOrigin = Name;
            }
        }

        Simulation.RemoveAlive(this);
        if (failure is null)
        {
            TriggerOk(0, 0);
        }
        else
        {
            FailureOrigin ??= Name;
            SetFailed(failure);
            Simulation.Schedule(this, 0, 0);
        }
    }
}
