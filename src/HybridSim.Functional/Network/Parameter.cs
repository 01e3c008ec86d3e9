using System.Collections.Immutable;

namespace HybridSim.Functional.Network;

/// <summary>A named float32 tensor of the network with its gradient (a buffer such as a running mean has one too, unused).</summary>
public sealed class Parameter
{
    internal Parameter(string name, ImmutableArray<int> shape, bool isBuffer, bool decayExempt)
    {
        Name = name;
        Shape = shape;
        IsBuffer = isBuffer;
        DecayExempt = decayExempt;
        var length = shape.Aggregate(1, (a, d) => checked(a * d));
        Value = new float[length];
        Grad = new float[length];
    }

    /// <summary>Tensor name as in docs/pytorch.md (<c>conv1.weight</c>, <c>bn1.running_var</c>, <c>fc.lobranch_a</c>).</summary>
    public string Name { get; }

    public ImmutableArray<int> Shape { get; }

    public float[] Value { get; }

    public float[] Grad { get; }

    /// <summary>Batch-norm running mean and variance: state, not trained.</summary>
    public bool IsBuffer { get; }

    /// <summary>Biases and batch-norm scale and shift: no weight decay.</summary>
    public bool DecayExempt { get; }

    public int Length => Value.Length;

    public string ShapeText => "(" + string.Join(", ", Shape) + ")";

    public override string ToString() => Name + " " + ShapeText;
}
