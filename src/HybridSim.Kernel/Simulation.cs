using System.Globalization;

namespace HybridSim.Kernel;

/// <summary>
/// A discrete-event simulation with SimPy semantics. Time is a <see cref="long"/> count of picoseconds.
/// Events are processed in order of (time, priority, insertion order): lower priority values first, ties FIFO.
/// An instance holds all of its state (no statics), so independent simulations may run on different threads;
/// one instance is not thread-safe.
/// </summary>
public sealed class Simulation
{
    /// <summary>Lowest priority value accepted (priorities are packed into 24 bits of the queue key).</summary>
    public const int MinPriority = -(1 << 23);

    /// <summary>Highest priority value accepted.</summary>
    public const int MaxPriority = (1 << 23) - 1;

    private const int SequenceBits = 40;
    private const ulong MaxSequence = (1UL << SequenceBits) - 1;

    private readonly EventQueue _queue = new();
    private ulong _sequence;
    private long _now;
    private long _processedEvents;
    private int _processCount;
    private Process? _firstAlive;
    private Process? _lastAlive;
    private bool _running;

    public Simulation()
    {
        ExitSentinel = new Event(this) { Description = "exit" };
    }

    /// <summary>Current simulated time in picoseconds.</summary>
    public long Now => _now;

    /// <summary>Number of queue entries processed so far (events, plus one start per process).</summary>
    public long ProcessedEvents => _processedEvents;

    /// <summary>The process whose generator is running right now, or null when the kernel is between processes.</summary>
    public Process? ActiveProcess { get; private set; }

    /// <summary>The marker returned by <see cref="Exit{T}"/>; never scheduled.</summary>
    internal Event ExitSentinel { get; }

    /// <summary>A fresh pending event.</summary>
    public Event Event() => new(this);

    /// <summary>A fresh pending event that will carry a value of type <typeparamref name="T"/>.</summary>
    public Event<T> Event<T>() => new(this);

    /// <summary>An event that succeeds at <see cref="Now"/> + <paramref name="delay"/> (picoseconds, ≥ 0).</summary>
    public Timeout Timeout(long delay, int priority = 0)
    {
        if (delay < 0 || delay > long.MaxValue - _now)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "a timeout needs 0 <= delay <= long.MaxValue - Now");
        }

        var timeout = new Timeout(this);
        timeout._ok = true;
        Schedule(timeout, delay, priority);
        return timeout;
    }

    /// <summary>
    /// Starts a process driven by <paramref name="generator"/>. It is scheduled at <see cref="Now"/> (not run inline)
    /// and the returned event succeeds when the generator finishes (see <see cref="HybridSim.Kernel.Process"/>).
    /// </summary>
    public Process Process(IEnumerable<Event> generator, string? name = null) => new(this, generator, name);

    /// <summary>
    /// Starts a process that returns a value of type <typeparamref name="T"/>: its generator must end with
    /// <c>yield return sim.Exit(value)</c>; the value is then <see cref="Process{T}.Value"/>.
    /// </summary>
    public Process<T> Process<T>(IEnumerable<Event> generator, string? name = null) => new(this, generator, name);

    /// <summary>
    /// Ends the running process with <paramref name="value"/>: call it as <c>yield return sim.Exit(value)</c>.
    /// The generator is disposed (its <c>finally</c> blocks run) and the process succeeds with the value, which a
    /// <see cref="Process{T}"/> exposes typed as <see cref="Process{T}.Value"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not called from a running process, or the process is a
    /// <see cref="Process{T}"/> of another type (the process then fails with this exception).</exception>
    public Event Exit<T>(T value)
    {
        var process = ActiveProcess
            ?? throw new InvalidOperationException("Exit(value) must be yielded by a running process");
        process.SetExitValue(value);
        return ExitSentinel;
    }

    /// <summary>An event that succeeds when all <paramref name="events"/> succeed, or fails when one fails.</summary>
    public Condition AllOf(params Event[] events) => new(this, ConditionKind.All, events);

    /// <summary>An event that succeeds when any of <paramref name="events"/> succeeds, or fails when one fails first.</summary>
    public Condition AnyOf(params Event[] events) => new(this, ConditionKind.Any, events);

    /// <summary>Time of the next event, <see cref="long.MaxValue"/> when the queue is empty.</summary>
    public long Peek() => _queue.PeekTime;

    /// <summary>Processes one event; false when the queue is empty.</summary>
    /// <exception cref="SimulationException">The event failed and nobody handled it.</exception>
    public bool Step()
    {
        if (_queue.Count == 0)
        {
            return false;
        }

        Enter();
        try
        {
            StepCore();
        }
        finally
        {
            _running = false;
        }

        return true;
    }

    /// <summary>
    /// Runs until the queue is empty. Processes still blocked then are not an error here: ask
    /// <see cref="WaitingProcesses"/> and decide.
    /// </summary>
    /// <exception cref="SimulationException">An event failed and nobody handled it.</exception>
    public void Run()
    {
        Enter();
        try
        {
            var queue = _queue;
            while (queue.Count > 0)
            {
                StepCore();
            }
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>Processes every event with time ≤ <paramref name="until"/>, then sets <see cref="Now"/> to it.</summary>
    public void Run(long until)
    {
        if (until < _now)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, $"until must be >= Now ({_now.ToString(CultureInfo.InvariantCulture)})");
        }

        Enter();
        try
        {
            var queue = _queue;
            while (queue.Count > 0 && queue.PeekTime <= until)
            {
                StepCore();
            }

            _now = until;
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>Runs until <paramref name="until"/> is processed, or until the queue is empty (check <see cref="Event.IsProcessed"/>).</summary>
    public void Run(Event until)
    {
        ArgumentNullException.ThrowIfNull(until);
        if (until.Simulation != this)
        {
            throw new ArgumentException("the event belongs to another simulation", nameof(until));
        }

        Enter();
        try
        {
            var queue = _queue;
            while (!until.IsProcessed && queue.Count > 0)
            {
                StepCore();
            }
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>
    /// Alive processes blocked on an event that is not triggered yet, in creation order. Once the queue is empty,
    /// nothing can trigger those events any more: this is the deadlock report.
    /// </summary>
    public IReadOnlyList<WaitingProcess> WaitingProcesses()
    {
        var result = new List<WaitingProcess>();
        for (var p = _firstAlive; p is not null; p = p._nextAlive)
        {
            var target = p.Target;
            if (target is not null && !target.IsTriggered)
            {
                result.Add(new WaitingProcess(p.Name, target.Description ?? "event", p.WaitingSince));
            }
        }

        return result;
    }

    internal void Schedule(Event ev, long delay, int priority)
    {
        ev._state = EventState.Triggered;
        if ((delay | (long)priority) == 0)
        {
            _queue.PushNow(_now, NextKey(0), ev);
        }
        else
        {
            _queue.Push(_now + delay, NextKey(priority), ev);
        }
    }

    /// <summary>Queues a process start: the process stays pending, which is how <see cref="StepCore"/> recognises it.</summary>
    internal void ScheduleStart(Process process) => _queue.PushNow(_now, NextKey(0), process);

    internal int NextProcessId() => ++_processCount;

    internal void SetActive(Process? process) => ActiveProcess = process;

    internal void AddAlive(Process process)
    {
        process._previousAlive = _lastAlive;
        if (_lastAlive is null)
        {
            _firstAlive = process;
        }
        else
        {
            _lastAlive._nextAlive = process;
        }

        _lastAlive = process;
    }

    internal void RemoveAlive(Process process)
    {
        var previous = process._previousAlive;
        var next = process._nextAlive;
        if (previous is null)
        {
            _firstAlive = next;
        }
        else
        {
            previous._nextAlive = next;
        }

        if (next is null)
        {
            _lastAlive = previous;
        }
        else
        {
            next._previousAlive = previous;
        }

        process._previousAlive = null;
        process._nextAlive = null;
    }

    /// <summary>Refuses nested runs: a process or callback calling Run would process events out of order.</summary>
    private void Enter()
    {
        if (_running)
        {
            throw new InvalidOperationException("the simulation is already running (Run or Step called from a process or callback)");
        }

        _running = true;
    }

    private ulong NextKey(int priority)
    {
        var biased = (uint)(priority - MinPriority);
        if (biased > MaxPriority - MinPriority)
        {
            throw new ArgumentOutOfRangeException(nameof(priority), priority, $"priority must be in [{MinPriority}, {MaxPriority}]");
        }

        var sequence = _sequence++;
        if (sequence > MaxSequence)
        {
            throw new InvalidOperationException("event sequence exhausted (2^40 events scheduled)");
        }

        return ((ulong)biased << SequenceBits) | sequence;
    }

    private void StepCore()
    {
        var ev = _queue.Pop(out var time);
        _now = time;
        _processedEvents++;
        if (ev._state == EventState.Pending)
        {
            // Only process starts are queued while pending.
            ((Process)ev).Start();
            return;
        }

        ev.Process();
        if (!ev._ok && !ev.Defused && !ev._failureObserved)
        {
            ThrowUnhandled(ev);
        }
    }

    private void ThrowUnhandled(Event ev)
    {
        var time = _now.ToString(CultureInfo.InvariantCulture);
        var inner = ev.Exception!;
        if (ev is Process process)
        {
            var origin = process.FailureOrigin ?? process.Name;
            var where = origin == process.Name ? string.Empty : $" (raised in process '{origin}')";
            throw new SimulationException($"process '{process.Name}' failed at {time} ps{where}: {inner.Message}", inner)
            {
                ProcessName = process.Name,
                OriginProcessName = origin,
                Time = _now,
            };
        }

        throw new SimulationException($"event '{ev.Description}' failed at {time} ps and nobody handled it: {inner.Message}", inner)
        {
            Time = _now,
        };
    }
}
