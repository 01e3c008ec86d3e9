namespace HybridSim.Functional.Tensors;

/// <summary>
/// A dense float32 batch of activations, N × C × H × W in row-major order (a vector batch is N × C × 1 × 1).
/// Mutable on purpose: the hot loops write into preallocated buffers.
/// </summary>
public sealed class Tensor
{
    public Tensor(int n, int c, int h, int w)
        : this(n, c, h, w, new float[checked(n * c * h * w)])
    {
    }

    public Tensor(int n, int c, int h, int w, float[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (n < 0 || c < 0 || h < 0 || w < 0 || data.Length != (long)n * c * h * w)
        {
            throw new ArgumentException($"data of {data.Length} floats does not fit {n}x{c}x{h}x{w}");
        }

        N = n;
        C = c;
        H = h;
        W = w;
        Data = data;
    }

    public int N { get; }

    public int C { get; }

    public int H { get; }

    public int W { get; }

    public float[] Data { get; }

    /// <summary>Elements of one sample: C·H·W.</summary>
    public int SampleSize => C * H * W;

    public int Length => Data.Length;

    public Span<float> Sample(int n) => Data.AsSpan(n * SampleSize, SampleSize);

    public ref float this[int n, int c, int h, int w] => ref Data[(((n * C) + c) * H + h) * W + w];

    /// <summary>A tensor of the same shape filled with zeros.</summary>
    public Tensor ZerosLike() => new(N, C, H, W);

    public Tensor Clone() => new(N, C, H, W, (float[])Data.Clone());

    /// <summary>The same data seen with another shape of equal size (no copy).</summary>
    public Tensor Reshape(int n, int c, int h, int w) => new(n, c, h, w, Data);

    public bool SameShape(Tensor other) => other is not null && N == other.N && C == other.C && H == other.H && W == other.W;

    public override string ToString() => $"{N}x{C}x{H}x{W}";
}
