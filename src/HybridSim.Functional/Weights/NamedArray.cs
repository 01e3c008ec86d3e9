using System.Collections.Immutable;

namespace HybridSim.Functional.Weights;

/// <summary>One float32 tensor of a weights file (an <c>.npz</c> member or an ONNX initializer), C order.</summary>
/// <param name="Name">Tensor name as docs/pytorch.md gives it (<c>conv1.weight</c>, <c>bn1.running_mean</c>, ...).</param>
public sealed record NamedArray(string Name, ImmutableArray<int> Shape, float[] Data)
{
    public long Elements => Shape.Aggregate(1L, (a, d) => a * d);

    public string ShapeText => "(" + string.Join(", ", Shape) + ")";
}
