using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Training;

namespace HybridSim.Functional.Recovery;

/// <summary>
/// LoBranch Algorithm 1: every step draws W_noisy = W + N(0, σ²) for each RRAM layer (σ from the device model,
/// <see cref="WeightNoise"/>) and takes the gradients of W, A and B there. Draws are addressed by (seed, step,
/// layer, element), so the run is the same on any number of threads.
/// </summary>
internal sealed class NoiseInjectionHooks(FunctionalNetwork network, IReadOnlyList<(int Index, AnalogArithmetic Analog)> analogLayers, ulong seed) : ITrainingHooks
{
    private readonly WeightPerturbation _perturbation = new();

    public ForwardMode Mode => ForwardMode.Training;

    public IReadOnlySet<int>? NoBackward => null;

    public ILayerInterceptor? BeginBatch(ReadOnlySpan<int> samples, long step)
    {
        foreach (var (index, analog) in analogLayers)
        {
            var sigma = WeightNoise.Sigma(network, index, analog);
            if (sigma is null)
            {
                continue;
            }

            var parameter = network.Parameter(network.Workload.Layers[index].Name + ".weight");
            _perturbation.Replace(parameter, v =>
            {
                for (var k = 0; k < v.Length; k++)
                {
                    v[k] += (float)(sigma[k] * CounterRandom.Normal(CounterRandom.Key(seed, step, index, k)));
                }
            });
        }

        return null;
    }

    public void EndBatch() => _perturbation.Restore();
}
