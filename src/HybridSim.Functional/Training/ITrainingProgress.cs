namespace HybridSim.Functional.Training;

/// <summary>Receives progress from <see cref="Trainer.Train"/> (on the training thread).</summary>
public interface ITrainingProgress
{
    /// <summary>After each mini-batch; running figures cover the epoch so far. Epoch is 1-based, batch 0-based.</summary>
    void BatchDone(int epoch, int batch, int batches, double runningLoss, double runningAccuracy, double imagesPerSecond);

    void EpochDone(EpochResult result);
}
