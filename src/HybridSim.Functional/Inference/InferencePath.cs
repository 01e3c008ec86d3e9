namespace HybridSim.Functional.Inference;

/// <summary>How analog layers are computed (docs/model.md, "Functional model").</summary>
public enum InferencePath
{
    /// <summary>Bit-serial, one ADC conversion per row block, slice and input step: the reference.</summary>
    Exact,

    /// <summary>Effective noisy weights per cell and an ideal ADC, for sweeps.</summary>
    Fast,
}
