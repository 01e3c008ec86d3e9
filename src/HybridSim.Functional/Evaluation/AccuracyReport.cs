using System.Collections.Immutable;
using HybridSim.Specs.Architecture;

namespace HybridSim.Functional.Evaluation;

/// <summary>What <c>evaluate</c> measures (docs/model.md, "Functional model", <c>accuracy.json</c>). Accuracies are fractions in [0, 1].</summary>
/// <param name="Accuracy">Mean over the chip instances of the accuracy under the device.</param>
/// <param name="AccuracyCi95">95% interval of that mean (Student's t over the instances; the mean itself for one instance).</param>
/// <param name="FloatAccuracy">The float model, no quantization.</param>
/// <param name="QuantizedAccuracy">The digital fixed-point model: every matrix at its placement's precisions, exact MACs, no ADC, no device.</param>
public sealed record AccuracyReport(
    string Architecture,
    string Workload,
    PartitionSpec Partition,
    string Dataset,
    int Samples,
    int Instances,
    double Accuracy,
    double AccuracyStd,
    double AccuracyMin,
    (double Low, double High) AccuracyCi95,
    ImmutableArray<double> PerInstance,
    double FloatAccuracy,
    double QuantizedAccuracy,
    ImmutableArray<LayerAccuracy> Layers,
    ulong Seed,
    string Path)
{
    /// <summary>Fast path: the check against the exact path on the first test samples; null on the exact path, without
    /// analog matrices, or when turned off.</summary>
    public PathCheck? PathCheck { get; init; }
}
