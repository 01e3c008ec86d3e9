namespace HybridSim.Functional.Training;

/// <summary>One finished epoch.</summary>
/// <param name="Epoch">1-based.</param>
/// <param name="Loss">Mean training loss over the epoch's mini-batches (weighted by their size).</param>
/// <param name="TrainAccuracy">Fraction of training samples classified right during the epoch (training-mode forward).</param>
/// <param name="TestAccuracy">Inference-mode accuracy on the test set after the epoch, when one was given.</param>
/// <param name="ImagesPerSecond">Training throughput (forward, backward and update).</param>
/// <param name="Elapsed">Wall time of the epoch, test evaluation included.</param>
public sealed record EpochResult(int Epoch, double Loss, double TrainAccuracy, double? TestAccuracy, double ImagesPerSecond, TimeSpan Elapsed);
