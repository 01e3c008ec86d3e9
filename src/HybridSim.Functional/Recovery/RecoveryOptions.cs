using HybridSim.Functional.Evaluation;
using HybridSim.Functional.Training;

namespace HybridSim.Functional.Recovery;

/// <summary>A recovery run: the method, how it trains, and how the results are evaluated (chips, seed, path).</summary>
/// <param name="BranchLearningRate">Algorithm 2's rate: only the small branch trains, from B = 0 or near it, so it takes a larger step than fine-tuning W.</param>
/// <param name="TrainLimit">Train on the first TrainLimit training samples; null for all.</param>
/// <param name="MaxCacheBytes">Largest cache of frozen outputs a retraining may hold.</param>
public sealed record RecoveryOptions(
    RecoveryMethod Method,
    TrainingOptions Training,
    EvaluationOptions Evaluation,
    double BranchLearningRate,
    int? TrainLimit = null,
    long MaxCacheBytes = 6L << 30)
{
    /// <summary>Fine-tuning from trained weights: 5 epochs of Adam at a tenth of training's default rate, batches of 32, seed 1.</summary>
    public static TrainingOptions DefaultTraining { get; } = TrainingOptions.Default with { Epochs = 5, LearningRate = 1e-4 };

    /// <summary>Algorithm 2's default rate: only A and B train, from B = 0 or near it.</summary>
    public const double DefaultBranchLearningRate = 1e-3;

    public static string Name(RecoveryMethod method) => method switch
    {
        RecoveryMethod.Retrain => "retrain",
        RecoveryMethod.LoBranch => "lobranch",
        RecoveryMethod.Alg1 => "alg1",
        RecoveryMethod.Alg2 => "alg2",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    public static RecoveryMethod? Parse(string text) => text switch
    {
        "retrain" => RecoveryMethod.Retrain,
        "lobranch" => RecoveryMethod.LoBranch,
        "alg1" => RecoveryMethod.Alg1,
        "alg2" => RecoveryMethod.Alg2,
        _ => null,
    };
}
