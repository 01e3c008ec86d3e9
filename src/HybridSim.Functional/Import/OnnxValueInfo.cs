namespace HybridSim.Functional.Import;

/// <summary>An ONNX ValueInfoProto of a tensor type: element type and dims (null for a symbolic or unknown dim).</summary>
internal sealed class OnnxValueInfo
{
    public string Name { get; set; } = "";

    public int ElemType { get; set; }

    public bool HasShape { get; set; }

    public List<long?> Dims { get; } = [];
}
