using HybridSim.Functional.Training;

namespace HybridSim.Functional.Recovery;

/// <summary>Receives a recovery run's stages and its training progress.</summary>
public interface IRecoveryProgress
{
    /// <summary>A new stage begins (e.g. "chip 2/3: retraining 2 SRAM layers").</summary>
    void Stage(string description);

    /// <summary>Progress of the training within the current stage, or null.</summary>
    ITrainingProgress? Training { get; }
}
