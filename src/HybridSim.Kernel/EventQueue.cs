using System.Runtime.CompilerServices;

namespace HybridSim.Kernel;

/// <summary>
/// The future event list: a 4-ary min-heap of structs keyed by (time, key), where key packs the priority above an
/// insertion sequence number, so ties are ordered by priority and then FIFO. Structs keep one allocation per event
/// (the event itself) and a shallow heap keeps the cache misses per pop low.
/// </summary>
/// <remarks>
/// Events scheduled for the current instant with the default priority (grants, process ends, store hand-offs,
/// zero timeouts: about half of all events) go to a FIFO ring instead of the heap. Every ring entry has time = Now
/// and keys increase along the ring, so popping the smaller of (ring head, heap top) keeps the exact order.
/// </remarks>
internal sealed class EventQueue
{
    private Entry[] _items = new Entry[1024];
    private int _count;
    private Entry[] _ring = new Entry[256];
    private int _ringHead;
    private int _ringCount;

    public int Count => _count + _ringCount;

    /// <summary>Time of the earliest entry, <see cref="long.MaxValue"/> when empty.</summary>
    public long PeekTime => _ringCount != 0 ? _ring[_ringHead].Time : _count == 0 ? long.MaxValue : _items[0].Time;

    /// <summary>Appends an entry for the current instant; the caller guarantees time = Now and a key above all queued keys of that time and priority.</summary>
    public void PushNow(long time, ulong key, Event ev)
    {
        if (_ringCount == _ring.Length)
        {
            GrowRing();
        }

        var tail = (_ringHead + _ringCount) & (_ring.Length - 1);
        _ring[tail] = new Entry(time, key, ev);
        _ringCount++;
    }

    public void Push(long time, ulong key, Event ev)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        var items = _items;
        var i = _count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            ref var p = ref items[parent];
            if (time < p.Time || (time == p.Time && key < p.Key))
            {
                items[i] = p;
                i = parent;
            }
            else
            {
                break;
            }
        }

        items[i] = new Entry(time, key, ev);
    }

    /// <summary>Removes and returns the earliest entry; the queue must not be empty.</summary>
    public Event Pop(out long time)
    {
        if (_ringCount != 0)
        {
            ref var head = ref _ring[_ringHead];
            if (_count == 0 || !Less(in _items[0], in head))
            {
                var ev = head.Event;
                time = head.Time;
                head = default;
                _ringHead = (_ringHead + 1) & (_ring.Length - 1);
                _ringCount--;
                return ev;
            }
        }

        return PopHeap(out time);
    }

    private Event PopHeap(out long time)
    {
        var items = _items;
        var top = items[0];
        var n = --_count;
        if (n > 0)
        {
            var last = items[n];
            var i = 0;
            while (true)
            {
                var c = (i << 2) + 1;
                if (c >= n)
                {
                    break;
                }

                var m = c;
                var end = c + 4 < n ? c + 4 : n;
                for (var j = c + 1; j < end; j++)
                {
                    if (Less(in items[j], in items[m]))
                    {
                        m = j;
                    }
                }

                if (Less(in items[m], in last))
                {
                    items[i] = items[m];
                    i = m;
                }
                else
                {
                    break;
                }
            }

            items[i] = last;
        }

        // Drop the reference so processed events can be collected.
        items[n] = default;
        time = top.Time;
        return top.Event;
    }

    private void GrowRing()
    {
        var bigger = new Entry[_ring.Length * 2];
        for (var i = 0; i < _ringCount; i++)
        {
            bigger[i] = _ring[(_ringHead + i) & (_ring.Length - 1)];
        }

        _ring = bigger;
        _ringHead = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(in Entry a, in Entry b) => a.Time < b.Time || (a.Time == b.Time && a.Key < b.Key);

    private readonly struct Entry
    {
        public readonly long Time;
        public readonly ulong Key;
        public readonly Event Event;

        public Entry(long time, ulong key, Event ev)
        {
            Time = time;
            Key = key;
            Event = ev;
        }
    }
}
