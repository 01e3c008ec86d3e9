namespace HybridSim.Functional.Training;

/// <summary>How the learning rate changes over a run.</summary>
public enum LearningRateSchedule
{
    Constant,

    /// <summary>lr · (1 + cos(π · step / total steps)) / 2, per mini-batch.</summary>
    Cosine,

    /// <summary>× 0.1 from the epoch at 50 % of the run, × 0.01 from the epoch at 75 %.</summary>
    Step,
}
