using HybridSim.Specs.Architecture;

namespace HybridSim.Compiler.Dataflow;

/// <summary>An activation tensor between operations (a layer output, a partial sum, or a branch vector), pixel by pixel.</summary>
internal sealed class Tensor(int id, string name, int channels, int height, int width, int layer, TileKind kind)
{
    public int Id { get; } = id;

    public string Name { get; } = name;

    public int Channels { get; } = channels;

    public int Height { get; } = height;

    public int Width { get; } = width;

    public int Pixels => Height * Width;

    /// <summary>Workload layer the data movement of this tensor is attributed to.</summary>
    public int Layer { get; set; } = layer;

    /// <summary>Tile kind of its producer (vector operations on it run on the same kind).</summary>
    public TileKind Kind { get; } = kind;

    public bool IsNetworkInput { get; set; }

    public List<HomeSegment> Homes { get; } = [];

    /// <summary>One ring per reading core (in order of registration).</summary>
    public List<TensorBuffer> ReaderBuffers { get; } = [];

    /// <summary>Per home tile with remote readers: the ring the engine sends from.</summary>
    public SortedDictionary<int, TensorBuffer> SendBuffers { get; } = [];

    public IEnumerable<TensorBuffer> AllBuffers => ReaderBuffers.Concat(SendBuffers.Values);

    /// <summary>The ring a core reads this tensor from.</summary>
    public TensorBuffer BufferFor(CoreSlot core) => ReaderBuffers.First(b => b.Owner == core);

    public void AddReader(CoreSlot core, Reader reader)
    {
        var buffer = ReaderBuffers.FirstOrDefault(b => b.Owner == core);
        if (buffer is null)
        {
            buffer = new TensorBuffer(this, core.Tile, core, reader.MinChannel, reader.EndChannel - reader.MinChannel);
            ReaderBuffers.Add(buffer);
        }
        else
        {
            var end = Math.Max(buffer.MinChannel + buffer.Width, reader.EndChannel);
            buffer.MinChannel = Math.Min(buffer.MinChannel, reader.MinChannel);
            buffer.Width = end - buffer.MinChannel;
        }

        buffer.Readers.Add(reader);
    }
}
