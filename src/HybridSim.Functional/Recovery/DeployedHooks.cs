using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Training;

namespace HybridSim.Functional.Recovery;

/// <summary>
/// LoBranch Algorithm 2: the forward is the deployed system, W as programmed on the chip, with each branch computed
/// from its current A and B in floating point (its quantization scales come from calibration after training; a
/// scale fixed before training would clip a growing branch, and the branch would learn the clipping); the gradients
/// are the float network's at that point (straight through the analog errors) and only A and B are updated. Batch norms keep their running statistics (inference mode). Read noise is
/// drawn per step and sample, apart from the test samples' draws.
/// </summary>
internal sealed class DeployedHooks(FixedPointModel model, FixedPointChip chip, InferencePath path) : ITrainingHooks
{
    /// <summary>Sample indices of training steps start here (2^20 per step), so their read noise never repeats a test sample's.</summary>
    private const long TrainingNoiseBase = 1L << 40;

    public ForwardMode Mode => ForwardMode.Inference;

    public IReadOnlySet<int>? NoBackward => null;

    public ILayerInterceptor? BeginBatch(ReadOnlySpan<int> samples, long step)
    {
        var current = model.WithFloatBranches();
        return current.Interceptor(chip.Rebind(current), path, TrainingNoiseBase + (step << 20));
    }

    public void EndBatch()
    {
    }
}
