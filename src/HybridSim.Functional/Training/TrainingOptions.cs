namespace HybridSim.Functional.Training;

/// <summary>Hyper-parameters of <see cref="Trainer.Train"/>.</summary>
/// <param name="Momentum">SGD momentum (Adam uses its own β₁ = 0.9).</param>
/// <param name="WeightDecay">L2 penalty added to the gradients of weights (biases and batch-norm parameters are exempt).</param>
/// <param name="Seed">Drives the per-epoch shuffling; the same seed gives byte-identical weights on any thread count.</param>
public sealed record TrainingOptions(
    int Epochs,
    int BatchSize,
    OptimizerKind Optimizer,
    double LearningRate,
    double Momentum,
    double WeightDecay,
    LearningRateSchedule Schedule,
    int Seed)
{
    /// <summary>Adam at 1e-3, batches of 32, 20 epochs, constant rate: enough for the digits MLP.</summary>
    public static TrainingOptions Default { get; } = new(20, 32, OptimizerKind.Adam, 1e-3, 0.9, 0.0, LearningRateSchedule.Constant, 1);
}
