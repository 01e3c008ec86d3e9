namespace HybridSim.Kernel;

/// <summary>
/// A kernel primitive for units that serve one request at a time but are booked ahead: the future busy intervals of
/// one unit (in the hardware, a shared-memory port or a NoC link). Unlike <see cref="Resource"/>, which queues
/// processes in request order and grants the unit when it frees, a timeline books by time without a process waiting.
/// A request for a duration from an earliest start takes the first gap that fits, so a request booked later for an
/// earlier time is not queued behind bookings further in the future. Intervals that ended before the current time are
/// dropped, so the list stays short.
/// </summary>
public sealed class ReservationTimeline
{
    private readonly List<(long Start, long End)> _busy = [];
    private int _head;

    /// <summary>Time booked so far (sum of durations).</summary>
    public long BusyTime { get; private set; }

    /// <summary>End of the last booked interval (0 when none).</summary>
    public long LastEnd => _busy.Count > _head ? _busy[^1].End : 0;

    /// <summary>
    /// Books <paramref name="duration"/> at or after <paramref name="earliest"/> and returns the start.
    /// <paramref name="now"/> is the current simulation time: bookings that ended before it are forgotten.
    /// </summary>
    public long Reserve(long earliest, long duration, long now)
    {
        Prune(now);
        var (start, index) = Find(earliest, duration);
        BusyTime += duration;
        if (duration > 0)
        {
            _busy.Insert(index, (start, start + duration));
        }

        return start;
    }

    /// <summary>When a booking of <paramref name="duration"/> from <paramref name="earliest"/> would start, without booking it.</summary>
    public long Peek(long earliest, long duration, long now)
    {
        Prune(now);
        return Find(earliest, duration).Start;
    }

    private void Prune(long now)
    {
        while (_head < _busy.Count && _busy[_head].End <= now)
        {
            _head++;
        }

        if (_head > 64 && _head * 2 > _busy.Count)
        {
            _busy.RemoveRange(0, _head);
            _head = 0;
        }
    }

    private (long Start, int Index) Find(long earliest, long duration)
    {
        var start = earliest;
        var i = _head;
        for (; i < _busy.Count; i++)
        {
            var (s, e) = _busy[i];
            if (start + duration <= s)
            {
                break; // fits in the gap before interval i
            }

            if (e > start)
            {
                start = e;
            }
        }

        return (start, i);
    }
}
