using HybridSim.Functional.Network;

namespace HybridSim.Functional.Recovery;

/// <summary>
/// Replaces parameter values for one step's forward and backward and puts the originals back before the update:
/// gradients taken at the perturbed (noisy or fake-quantized) weights update the clean ones (straight-through).
/// </summary>
internal sealed class WeightPerturbation
{
    private readonly List<(Parameter Parameter, float[] Saved)> _saved = [];

    public void Replace(Parameter parameter, Action<float[]> perturb)
    {
        var saved = (float[])parameter.Value.Clone();
        _saved.Add((parameter, saved));
        perturb(parameter.Value);
    }

    public void Restore()
    {
        foreach (var (parameter, saved) in _saved)
        {
            saved.CopyTo(parameter.Value, 0);
        }

        _saved.Clear();
    }

    /// <summary>Per-tensor symmetric fake quantization to <paramref name="bits"/> bits, round half to even (docs/model.md, "Functional model", quantization).</summary>
    public static void FakeQuantize(float[] values, int bits)
    {
        var scale = Inference.FixedPoint.WeightScale(values, bits);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(Inference.FixedPoint.QuantizeWeight(values[i], scale, bits) * scale);
        }
    }
}
