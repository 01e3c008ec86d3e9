using HybridSim.Functional.Evaluation;

namespace HybridSim.Functional.Recovery;

/// <summary>What a recovery run measured: accuracy before it, after Algorithm 1 (LoBranch), and after it.</summary>
/// <param name="Before">The weights given, on the chips (for a rank point with an untrained branch: W alone).</param>
/// <param name="AfterAlgorithm1">Algorithm 1's weights on the same chips; null unless it ran.</param>
/// <param name="After">The recovered weights; per-chip methods evaluate each chip's own weights on it.</param>
/// <param name="TrainSamples">Training samples per epoch.</param>
/// <param name="TrainedParameters">Number of values the recovery could update.</param>
/// <param name="WeightFiles">The weights it wrote, by name (<c>alg1</c>, <c>instance-0</c>, ...), relative to its folder; empty when none were written.</param>
public sealed record RecoveryReport(
    RecoveryMethod Method,
    AccuracyReport Before,
    AccuracyReport? AfterAlgorithm1,
    AccuracyReport After,
    int Epochs,
    double LearningRate,
    int TrainSamples,
    long TrainedParameters,
    System.Collections.Immutable.ImmutableArray<string> WeightFiles);
