using HybridSim.Functional.Network;

namespace HybridSim.Functional.Training;

/// <summary>
/// Changes what one training step computes, for recovery: the frozen analog layers of a chip in the loop, weights
/// perturbed by device noise or fake-quantized for the forward and backward, then restored for the update
/// (a straight-through estimator).
/// </summary>
public interface ITrainingHooks
{
    /// <summary>How the step's forward treats batch normalization.</summary>
    ForwardMode Mode { get; }

    /// <summary>Layers whose backward is skipped (frozen layers whose inputs need no gradient); null for none.</summary>
    IReadOnlySet<int>? NoBackward { get; }

    /// <summary>Before the forward of step <paramref name="step"/> (0-based over the whole run) on the training samples
    /// <paramref name="samples"/>; returns the interceptor for that forward, or null.</summary>
    ILayerInterceptor? BeginBatch(ReadOnlySpan<int> samples, long step);

    /// <summary>After the backward, before the optimizer's update.</summary>
    void EndBatch();
}
