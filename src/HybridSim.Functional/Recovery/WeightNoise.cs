using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Specs.Architecture;

namespace HybridSim.Functional.Recovery;

/// <summary>
/// LoBranch Algorithm 1's W_noisy = W + N(0, σ²), with σ per weight from the architecture's device model: the weight
/// is quantized and sliced as the crossbar stores it (batch norm folded, as deployed), each of its S cells varies by
/// <c>programming_sigma</c> levels (gaussian) or by that fraction of its conductance (lognormal, floor included), and
/// slice s weighs 2^(sP): σ_w = s_w · σ · √Σ_s g_s² 4^(sP), divided back by the folded batch norm's scale. Stuck
/// cells, read noise and wire resistance are not injected: the paper's algorithm draws Gaussian weight noise.
/// </summary>
public static class WeightNoise
{
    /// <summary>σ of each element of layer <paramref name="index"/>'s <c>.weight</c> (same layout), or null when the device has no variation.</summary>
    public static float[]? Sigma(FunctionalNetwork network, int index, AnalogArithmetic analog)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(analog);
        var sigma = analog.Device.ProgrammingSigma;
        if (sigma <= 0)
        {
            return null;
        }

        var workload = network.Workload;
        var layer = workload.Layers[index];
        var folded = FixedPointModel.FoldableBatchNorm(workload, index) is { } f ? workload.Layers[f] : null;
        var (weights, _, outScale) = FixedPointModel.Folded(network, layer, folded);
        var bits = analog.WeightBits;
        var scale = FixedPoint.WeightScale(weights, bits);
        var offset = 1L << (bits - 1);
        var lognormal = analog.Device.Distribution == ProgrammingDistribution.Lognormal;
        var perOut = weights.Length / layer.OutChannels;
        var result = new float[weights.Length];
        for (var k = 0; k < weights.Length; k++)
        {
            var u = FixedPoint.QuantizeWeight(weights[k], scale, bits) + offset;
            double sum = 0;
            for (var s = 0; s < analog.Slices; s++)
            {
                var digit = (u >> (s * analog.BitsPerCell)) & analog.MaxLevel;
                var g = lognormal ? digit + analog.Floor : 1.0;
                sum += g * g * Math.ScaleB(1.0, 2 * s * analog.BitsPerCell);
            }

            var foldedSigma = scale * sigma * Math.Sqrt(sum);
            var s0 = Math.Abs(outScale[k / perOut]);
            result[k] = s0 > 0 ? (float)(foldedSigma / s0) : 0f;
        }

        return result;
    }
}
