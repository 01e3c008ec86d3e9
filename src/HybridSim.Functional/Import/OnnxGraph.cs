namespace HybridSim.Functional.Import;

/// <summary>An ONNX GraphProto: nodes in topological order, initializers (the weights), inputs and outputs.</summary>
internal sealed class OnnxGraph
{
    public string Name { get; set; } = "";

    public List<OnnxNode> Nodes { get; } = [];

    public List<OnnxTensor> Initializers { get; } = [];

    public List<OnnxValueInfo> Inputs { get; } = [];

    public List<OnnxValueInfo> Outputs { get; } = [];
}
