namespace HybridSim.Functional.Training;

/// <summary>Parameter update rule, with PyTorch's semantics.</summary>
public enum OptimizerKind
{
    /// <summary>SGD with momentum (no dampening, no Nesterov) and L2 weight decay added to the gradient.</summary>
    Sgd,

    /// <summary>Adam (β = 0.9, 0.999; ε = 1e-8) with L2 weight decay added to the gradient (not AdamW).</summary>
    Adam,
}
