namespace HybridSim.Compiler.Dataflow;

/// <summary>
/// A ring of Slots pixels of a tensor in one tile's shared memory (pixel p in slot p mod Slots), holding channels
/// [MinChannel, MinChannel + Width). Every word of a ring has exactly one reading agent (one core, or the tile's
/// engine for the rings it sends from): valid bits carry no generation, so two readers of one ring at different paces
/// could take each other's reads once the ring wraps; one reader per ring rules that out.
/// </summary>
internal sealed class TensorBuffer(Tensor tensor, int tile, CoreSlot? owner, int minChannel, int width)
{
    public Tensor Tensor { get; } = tensor;

    public int Tile { get; } = tile;

    /// <summary>The core that reads this ring; null for a send ring (read by the engine), the staging of the network input, or the output sink.</summary>
    public CoreSlot? Owner { get; } = owner;

    public int MinChannel { get; set; } = minChannel;

    public int Width { get; set; } = width;

    public List<Reader> Readers { get; } = [];

    public int Base { get; set; }

    public int Slots { get; set; }

    public int Words => Slots * Width;

    /// <summary>Word address of channel c of pixel p.</summary>
    public int Address(int pixel, int channel) => Base + ((pixel % Slots) * Width) + (channel - MinChannel);

    // Scheduling state: per word, the pixel it holds and the reads it has left (the valid bit and consumer counter).
    private int[] _left = [];
    private int[] _holder = [];
    private long[] _readyAt = [];
    private long[] _freeAt = [];

    /// <summary>Agents of the scheduler waiting on this ring (woken on any change of its state).</summary>
    public List<object> Waiters { get; } = [];

    public void ResetState()
    {
        _left = new int[Words];
        _holder = new int[Words];
        _readyAt = new long[Words];
        _freeAt = new long[Words];
        Array.Fill(_holder, -1);
    }

    private int Index(int pixel, int channel) => ((pixel % Slots) * Width) + (channel - MinChannel);

    /// <summary>Whether channels [channel, channel + length) of the pixel are present with reads left.</summary>
    public bool CanRead(int pixel, int channel, int length)
    {
        var i = Index(pixel, channel);
        for (var w = i; w < i + length; w++)
        {
            if (_holder[w] != pixel || _left[w] <= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the words the pixel's channels go to have no reads left (the slot is free).</summary>
    public bool CanWrite(int pixel, int channel, int length)
    {
        var i = Index(pixel, channel);
        for (var w = i; w < i + length; w++)
        {
            if (_left[w] != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Estimated time the words were written (reading them cannot start earlier).</summary>
    public long ReadyAt(int pixel, int channel, int length)
    {
        var i = Index(pixel, channel);
        var t = 0L;
        for (var w = i; w < i + length; w++)
        {
            t = Math.Max(t, _readyAt[w]);
        }

        return t;
    }

    /// <summary>Estimated time the words were freed by their last read (writing them cannot start earlier).</summary>
    public long FreeAt(int pixel, int channel, int length)
    {
        var i = Index(pixel, channel);
        var t = 0L;
        for (var w = i; w < i + length; w++)
        {
            t = Math.Max(t, _freeAt[w]);
        }

        return t;
    }

    /// <summary>One read of each word at an estimated time; true when one of them has no reads left afterwards (a slot part was freed).</summary>
    public bool Read(int pixel, int channel, int length, long time)
    {
        var i = Index(pixel, channel);
        var freed = false;
        for (var w = i; w < i + length; w++)
        {
            if (--_left[w] == 0)
            {
                freed = true;
                _freeAt[w] = time;
            }
        }

        return freed;
    }

    public void Write(int pixel, int channel, int length, int consumers, long time)
    {
        var i = Index(pixel, channel);
        Array.Fill(_holder, pixel, i, length);
        Array.Fill(_left, consumers, i, length);
        Array.Fill(_readyAt, time, i, length);
    }

    /// <summary>Enlarges the ring, moving what it holds to the slots the new size gives each pixel.</summary>
    public void Grow(int slots)
    {
        var (left, holder, ready, free) = (_left, _holder, _readyAt, _freeAt);
        var width = Width;
        var latestFree = free.Length == 0 ? 0 : free.Max();
        Slots = slots;
        ResetState();
        Array.Fill(_freeAt, latestFree);
        for (var w = 0; w < left.Length; w++)
        {
            if (left[w] > 0)
            {
                var j = ((holder[w] % Slots) * width) + (w % width);
                _left[j] = left[w];
                _holder[j] = holder[w];
                _readyAt[j] = ready[w];
            }
        }
    }

    /// <summary>How many loads by the owner read each channel of a pixel (counts is indexed by channel).</summary>
    public void Counts(int pixel, Span<int> counts)
    {
        counts.Clear();
        var py = pixel / Tensor.Width;
        var px = pixel % Tensor.Width;
        foreach (var r in Readers)
        {
            r.AddReads(py, px, counts);
        }
    }
}
