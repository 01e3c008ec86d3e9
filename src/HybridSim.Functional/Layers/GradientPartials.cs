using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;

namespace HybridSim.Functional.Layers;

/// <summary>
/// Per-chunk parameter gradients for a backward pass split over fixed sample chunks: each chunk accumulates its own
/// copy, then the copies are added to <see cref="Parameter.Grad"/> in chunk order, so the sum never depends on
/// which thread finished first.
/// </summary>
internal sealed class GradientPartials
{
    /// <summary>At most this many chunks: bounds the extra memory to that many copies of the weights.</summary>
    public const int MaxChunks = 8;

    private const int ReduceChunk = 1 << 14;

    private readonly Parameter[] _parameters;
    private float[][] _buffers = [];

    public GradientPartials(IEnumerable<Parameter> parameters)
    {
        _parameters = [.. parameters];
    }

    public int Chunks { get; private set; }

    /// <summary>Fixed chunks of a batch of <paramref name="n"/> samples: at most <see cref="MaxChunks"/>, contiguous.</summary>
    public static int ChunkCount(int n) => Math.Min(n, MaxChunks);

    public static (int Start, int End) SampleRange(int n, int chunks, int chunk) =>
        ((int)((long)n * chunk / chunks), (int)((long)n * (chunk + 1) / chunks));

    /// <summary>Zeroed per-chunk buffers for <paramref name="chunks"/> chunks.</summary>
    public void Reset(int chunks)
    {
        Chunks = chunks;
        if (_buffers.Length != _parameters.Length * chunks)
        {
            _buffers = new float[_parameters.Length * chunks][];
            for (var c = 0; c < chunks; c++)
            {
                for (var p = 0; p < _parameters.Length; p++)
                {
                    _buffers[c * _parameters.Length + p] = new float[_parameters[p].Length];
                }
            }
        }
        else
        {
            foreach (var buffer in _buffers)
            {
                Array.Clear(buffer);
            }
        }
    }

    public float[] Buffer(int chunk, int parameter) => _buffers[chunk * _parameters.Length + parameter];

    /// <summary>Grad += chunk 0 + chunk 1 + ... (in that order, element by element).</summary>
    public void AddToGradients()
    {
        for (var p = 0; p < _parameters.Length; p++)
        {
            var grad = _parameters[p].Grad;
            var index = p;
            Parallelism.For(Parallelism.ChunkCount(grad.Length, ReduceChunk), block =>
            {
                var (start, length) = Parallelism.Chunk(grad.Length, ReduceChunk, block);
                var target = grad.AsSpan(start, length);
                for (var c = 0; c < Chunks; c++)
                {
                    var source = Buffer(c, index).AsSpan(start, length);
                    for (var i = 0; i < length; i++)
                    {
                        target[i] += source[i];
                    }
                }
            });
        }
    }
}
