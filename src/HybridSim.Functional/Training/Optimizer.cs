using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;

namespace HybridSim.Functional.Training;

/// <summary>SGD with momentum or Adam, PyTorch's update rules, element-wise (so parallel chunks cannot change results).</summary>
internal sealed class Optimizer
{
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float AdamEpsilon = 1e-8f;
    private const int Chunk = 1 << 14;

    private readonly Parameter[] _parameters;
    private readonly float[][] _first;
    private readonly float[][] _second;
    private readonly OptimizerKind _kind;
    private readonly float _momentum;
    private readonly float _weightDecay;
    private int _step;

    public Optimizer(IEnumerable<Parameter> parameters, TrainingOptions options)
    {
        _parameters = [.. parameters];
        _kind = options.Optimizer;
        _momentum = (float)options.Momentum;
        _weightDecay = (float)options.WeightDecay;
        _first = [.. _parameters.Select(p => new float[p.Length])];
        _second = _kind == OptimizerKind.Adam ? [.. _parameters.Select(p => new float[p.Length])] : [];
    }

    public void Step(double learningRate)
    {
        _step++;
        var lr = (float)learningRate;
        var correction1 = 1.0 - Math.Pow(Beta1, _step);
        var correction2 = 1.0 - Math.Pow(Beta2, _step);
        var stepSize = (float)(learningRate / correction1);
        var sqrtCorrection2 = (float)Math.Sqrt(correction2);
        var first = _step == 1;
        for (var index = 0; index < _parameters.Length; index++)
        {
            var p = _parameters[index];
            var decay = p.DecayExempt ? 0f : _weightDecay;
            var m = _first[index];
            var v = _kind == OptimizerKind.Adam ? _second[index] : null;
            Parallelism.For(Parallelism.ChunkCount(p.Length, Chunk), block =>
            {
                var (start, length) = Parallelism.Chunk(p.Length, Chunk, block);
                var value = p.Value.AsSpan(start, length);
                var grad = p.Grad.AsSpan(start, length);
                var mm = m.AsSpan(start, length);
                if (v is null)
                {
                    for (var i = 0; i < length; i++)
                    {
                        var g = grad[i] + decay * value[i];
                        if (_momentum != 0f)
                        {
                            g = mm[i] = first ? g : _momentum * mm[i] + g;
                        }

                        value[i] -= lr * g;
                    }
                }
                else
                {
                    var vv = v.AsSpan(start, length);
                    for (var i = 0; i < length; i++)
                    {
                        var g = grad[i] + decay * value[i];
                        mm[i] = Beta1 * mm[i] + (1f - Beta1) * g;
                        vv[i] = Beta2 * vv[i] + (1f - Beta2) * g * g;
                        value[i] -= stepSize * mm[i] / (MathF.Sqrt(vv[i]) / sqrtCorrection2 + AdamEpsilon);
                    }
                }
            });
        }
    }
}
