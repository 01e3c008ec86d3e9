using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Functional.Training;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Recovery;

/// <summary>
/// HyperX retraining (section III-B): the frozen RRAM layers' outputs replayed from the chip (<see cref="FrozenPrefix"/>),
/// the SRAM layers trained in floating point, their weights fake-quantized to the digital precision in each step when it
/// is 8 bits or fewer (quantization-aware, HyperX IV-A).
/// </summary>
internal sealed class RetrainHooks(FunctionalNetwork network, FrozenPrefix? prefix, IReadOnlyList<(Parameter Parameter, int Bits)> fakeQuantized, bool uncached)
    : ITrainingHooks
{
    private readonly WeightPerturbation _perturbation = new();

    public ForwardMode Mode => ForwardMode.Training;

    public IReadOnlySet<int>? NoBackward => prefix?.Frozen;

    public ILayerInterceptor? BeginBatch(ReadOnlySpan<int> samples, long step)
    {
        foreach (var (parameter, bits) in fakeQuantized)
        {
            _perturbation.Replace(parameter, v => WeightPerturbation.FakeQuantize(v, bits));
        }

        if (prefix is null)
        {
            return null;
        }

        var outputs = uncached ? prefix.Uncached(samples) : prefix.Cached(samples);
        return new Replay(prefix, outputs, samples.Length, network.Workload);
    }

    public void EndBatch() => _perturbation.Restore();

    /// <summary>Frozen boundary layers give their chip outputs; other frozen layers are skipped (an unused placeholder).</summary>
    private sealed class Replay(FrozenPrefix prefix, IReadOnlyDictionary<int, Tensor> outputs, int n, WorkloadSpec workload) : ILayerInterceptor
    {
        public Tensor? Intercept(LayerSpec layer, int index, IReadOnlyList<Tensor> inputs)
        {
            if (outputs.TryGetValue(index, out var output))
            {
                return output;
            }

            if (prefix.Frozen.Contains(index))
            {
                var shape = workload.Layers[index].OutputShape;
                return new Tensor(n, shape.Channels, shape.Height, shape.Width);
            }

            return null;
        }

        public void Observe(LayerSpec layer, int index, IReadOnlyList<Tensor> inputs, Tensor output)
        {
        }
    }
}
