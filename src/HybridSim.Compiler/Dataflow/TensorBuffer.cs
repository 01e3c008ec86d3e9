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

    public bool Contains(int channel) => channel >= MinChannel && channel < MinChannel + Width;

    /// <summary>Word address of channel c of pixel p.</summary>
    public int Address(int pixel, int channel) => Base + ((pixel % Slots) * Width) + (channel - MinChannel);

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
