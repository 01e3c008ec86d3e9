using HybridSim.Kernel;

namespace HybridSim.Hardware.Tiles;

/// <summary>
/// A tile's shared memory (eDRAM): per word a consumer counter (a word is valid while its counter is above 0),
/// and ports that serve accesses of up to BusWidthWords words, each occupying a port for one access time.
/// Waiting is event-driven: a blocked process waits on the first word that blocks it and is woken when that word
/// changes state (never by polling, and waiting costs no energy: a deliberate difference from PUMA's retries).
/// Ports are reservation timelines: a request takes the port and the first free gap that let it start earliest,
/// at or after its issue time.
/// </summary>
public sealed class SharedMemory
{
    private readonly Simulation _sim;
    private readonly int[] _counter;
    private readonly Dictionary<int, Event> _waiters = [];
    private readonly List<int> _scratch = [];
    private readonly ReservationTimeline[] _ports;

    public SharedMemory(Simulation sim, int words, int ports, long accessPicoseconds, int busWidthWords)
    {
        _sim = sim;
        _counter = new int[words];
        _ports = [.. Enumerable.Range(0, Math.Max(1, ports)).Select(_ => new ReservationTimeline())];
        AccessPicoseconds = accessPicoseconds;
        BusWidthWords = Math.Max(1, busWidthWords);
    }

    public int Words => _counter.Length;

    public int BusWidthWords { get; }

    public long AccessPicoseconds { get; }

    public int Ports => _ports.Length;

    /// <summary>Port time used so far (picoseconds summed over ports).</summary>
    public long BusyPicoseconds => _ports.Sum(p => p.BusyTime);

    /// <summary>Accesses needed to move a run of words: ⌈words / bus width⌉.</summary>
    public int Accesses(int words) => (words + BusWidthWords - 1) / BusWidthWords;

    public int Counter(int word) => _counter[word];

    public bool IsValid(int word) => _counter[word] > 0;

    /// <summary>The first word of the range that is not valid, or -1 when all are.</summary>
    public int FirstInvalid(int address, int length)
    {
        CheckRange(address, length);
        var span = _counter.AsSpan(address, length);
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] <= 0)
            {
                return address + i;
            }
        }

        return -1;
    }

    /// <summary>The first word of the range that is still valid (unread), or -1 when none is.</summary>
    public int FirstValid(int address, int length)
    {
        CheckRange(address, length);
        var span = _counter.AsSpan(address, length);
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] > 0)
            {
                return address + i;
            }
        }

        return -1;
    }

    /// <summary>One read of each word: decrements its counter; a word whose counter reaches 0 becomes invalid.</summary>
    public void Consume(int address, int length)
    {
        CheckRange(address, length);
        var span = _counter.AsSpan(address, length);
        var changed = false;
        for (var i = 0; i < span.Length; i++)
        {
            if (--span[i] == 0)
            {
                changed = true;
            }
        }

        if (changed)
        {
            Wake(address, length);
        }
    }

    /// <summary>Writes the words: each becomes valid with <paramref name="consumers"/> readers (0 leaves it invalid).</summary>
    public void Produce(int address, int length, int consumers)
    {
        CheckRange(address, length);
        _counter.AsSpan(address, length).Fill(Math.Max(0, consumers));
        if (consumers > 0)
        {
            Wake(address, length);
        }
    }

    /// <summary>An event that fires at the next change of state (valid ↔ invalid) of a word.</summary>
    public Event WaitOn(int word)
    {
        if (!_waiters.TryGetValue(word, out var e))
        {
            e = _sim.Event();
            _waiters.Add(word, e);
        }

        return e;
    }

    /// <summary>Whether anyone waits on a word (for deadlock reports).</summary>
    public bool HasWaiter(int word) => _waiters.ContainsKey(word);

    /// <summary>
    /// Reserves a port for <paramref name="accesses"/> back-to-back accesses issued at <paramref name="at"/>;
    /// returns when the first access starts (later than <paramref name="at"/> when every port is busy).
    /// </summary>
    public long Reserve(long at, int accesses)
    {
        var duration = accesses * AccessPicoseconds;
        var now = _sim.Now;
        var best = 0;
        if (_ports.Length > 1)
        {
            var bestStart = long.MaxValue;
            for (var p = 0; p < _ports.Length; p++)
            {
                var s = _ports[p].Peek(at, duration, now);
                if (s < bestStart)
                {
                    bestStart = s;
                    best = p;
                }
            }
        }

        return _ports[best].Reserve(at, duration, now);
    }

    private void Wake(int address, int length)
    {
        if (_waiters.Count == 0)
        {
            return;
        }

        if (length <= 4 * _waiters.Count)
        {
            for (var w = address; w < address + length; w++)
            {
                if (_waiters.Remove(w, out var e))
                {
                    e.Succeed();
                }
            }

            return;
        }

        _scratch.Clear();
        foreach (var w in _waiters.Keys)
        {
            if (w >= address && w < address + length)
            {
                _scratch.Add(w);
            }
        }

        // Sorted so that wake-ups (and so the whole run) do not depend on the dictionary's internal order.
        _scratch.Sort();
        foreach (var w in _scratch)
        {
            _waiters.Remove(w, out var e);
            e!.Succeed();
        }
    }

    private void CheckRange(int address, int length)
    {
        if (address < 0 || length < 0 || address + length > _counter.Length)
        {
            throw new InvalidOperationException(
                $"shared-memory access [{address}, {address + length}) is outside the tile's {_counter.Length} words");
        }
    }
}
