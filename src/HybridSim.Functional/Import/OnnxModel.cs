namespace HybridSim.Functional.Import;

/// <summary>An ONNX ModelProto: the graph and the opset of the default (ai.onnx) domain.</summary>
internal sealed class OnnxModel
{
    public long IrVersion { get; set; }

    public string ProducerName { get; set; } = "";

    /// <summary>Version of the default operator set (domain "" or "ai.onnx"); 0 when the model names none.</summary>
    public long Opset { get; set; }

    public OnnxGraph Graph { get; set; } = new();

    /// <summary>The model's metadata_props (key → value); the importer reads preprocessing from them.</summary>
    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);
}
