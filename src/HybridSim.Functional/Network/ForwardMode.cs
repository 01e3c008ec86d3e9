namespace HybridSim.Functional.Network;

/// <summary>How a forward pass treats batch normalization.</summary>
public enum ForwardMode
{
    /// <summary>Batch statistics, and the running statistics are updated (momentum 0.1, eps 1e-5, as PyTorch).</summary>
    Training,

    /// <summary>Running statistics; nothing in the network changes.</summary>
    Inference,
}
