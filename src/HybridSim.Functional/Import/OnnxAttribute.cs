namespace HybridSim.Functional.Import;

/// <summary>An ONNX AttributeProto: the fields the supported operators use.</summary>
internal sealed class OnnxAttribute
{
    public string Name { get; set; } = "";

    /// <summary>AttributeType: 1 float, 2 int, 3 string, 4 tensor, 5 graph, 6 floats, 7 ints, ...</summary>
    public int Type { get; set; }

    public float F { get; set; }

    public long I { get; set; }

    public string S { get; set; } = "";

    public OnnxTensor? T { get; set; }

    public List<float> Floats { get; } = [];

    public List<long> Ints { get; } = [];
}
