using HybridSim.Functional.Weights;

namespace HybridSim.Functional.Import;

/// <summary>What an ONNX model imports to: a workload file's text, its weights (tensor names as in docs/pytorch.md) and notes
/// on what was adapted on the way (pads made symmetric, a pool turned global, a bias fused, ...).</summary>
public sealed record ImportResult(string WorkloadYaml, IReadOnlyList<NamedArray> Weights, IReadOnlyList<string> Notes)
{
    /// <summary>The ONNX model's metadata_props; <see cref="ImportPreprocessing"/> reads mean, std and pad from them.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
