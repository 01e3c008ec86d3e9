using System.Runtime.CompilerServices;

namespace HybridSim.Kernel;

/// <summary>
/// The future event list: a 4-ary min-heap of structs keyed by (time, key), where key packs the priority above an
/// insertion sequence number, so ties are ordered by priority and then FIFO. Structs keep one allocation per event
/// (the event itself) and a shallow heap keeps the cache misses per pop low.
/// </summary>
internal sealed class EventQueue
{
    private Entry[] _items = new Entry[1024];
    private int _count;

    public int Count => _count;

    /// <summary>Time of the earliest entry, <see cref="long.MaxValue"/> when empty.</summary>
    public long PeekTime => _count == 0 ? long.MaxValue : _items[0].Time;

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
