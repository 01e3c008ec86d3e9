namespace HybridSim.Functional.Recovery;

/// <summary>How the SRAM part recovers the accuracy the RRAM errors cost.</summary>
public enum RecoveryMethod
{
    /// <summary>HyperX: retrain the SRAM layers of a freeze-x point with the frozen RRAM layers of each chip in the loop.</summary>
    Retrain,

    /// <summary>LoBranch Algorithm 1 then Algorithm 2 on each chip.</summary>
    LoBranch,

    /// <summary>LoBranch Algorithm 1 alone: noise-aware training of W, A and B.</summary>
    Alg1,

    /// <summary>LoBranch Algorithm 2 alone: only A and B fine-tuned on each programmed chip.</summary>
    Alg2,
}
