using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Layers;

/// <summary>
/// Batch normalization over N·H·W per channel, PyTorch semantics: training uses the batch's biased variance to
/// normalize and updates the running statistics with momentum 0.1 and the unbiased variance; inference uses the
/// running statistics. Channels run in parallel; each channel's sums are taken in sample order, in double.
/// </summary>
internal sealed class BatchNormLayer : Layer
{
    public const float Epsilon = 1e-5f;
    public const float Momentum = 0.1f;

    private readonly int _channels;
    private readonly Parameter _weight;
    private readonly Parameter _bias;
    private readonly Parameter _runningMean;
    private readonly Parameter _runningVar;
    private readonly Parameter[] _parameters;

    public BatchNormLayer(LayerSpec spec)
        : base(spec)
    {
        _channels = spec.InputShape.Channels;
        _weight = new Parameter(spec.Name + ".weight", [_channels], false, true);
        _bias = new Parameter(spec.Name + ".bias", [_channels], false, true);
        _runningMean = new Parameter(spec.Name + ".running_mean", [_channels], true, true);
        _runningVar = new Parameter(spec.Name + ".running_var", [_channels], true, true);
        _parameters = [_weight, _bias, _runningMean, _runningVar];
    }

    public override IReadOnlyList<Parameter> Parameters => _parameters;

    public override Tensor Forward(IReadOnlyList<Tensor> inputs, ForwardMode mode)
    {
        var x = inputs[0];
        var output = Output(x.N);
        var plane = x.H * x.W;
        Parallelism.For(_channels, c =>
        {
            float mean, invStd;
            if (mode == ForwardMode.Training)
            {
                var (batchMean, variance) = Statistics(x, c);
                mean = (float)batchMean;
                invStd = (float)(1.0 / Math.Sqrt(variance + Epsilon));
                var count = (long)x.N * plane;
                var unbiased = count > 1 ? variance * count / (count - 1) : variance;
                _runningMean.Value[c] = (1f - Momentum) * _runningMean.Value[c] + Momentum * mean;
                _runningVar.Value[c] = (1f - Momentum) * _runningVar.Value[c] + Momentum * (float)unbiased;
            }
            else
            {
                mean = _runningMean.Value[c];
                invStd = 1f / MathF.Sqrt(_runningVar.Value[c] + Epsilon);
            }

            var scale = _weight.Value[c] * invStd;
            var shift = _bias.Value[c] - mean * scale;
            for (var s = 0; s < x.N; s++)
            {
                var src = x.Data.AsSpan((s * _channels + c) * plane, plane);
                var dst = output.Data.AsSpan((s * _channels + c) * plane, plane);
                for (var i = 0; i < plane; i++)
                {
                    dst[i] = src[i] * scale + shift;
                }
            }
        });
        return output;
    }

    public override void Backward(IReadOnlyList<Tensor> inputs, Tensor output, Tensor gradOutput, IReadOnlyList<Tensor?> gradInputs, ForwardMode mode)
    {
        var x = inputs[0];
        var gradInput = gradInputs[0];
        var plane = x.H * x.W;
        var count = (long)x.N * plane;
        Parallelism.For(_channels, c =>
        {
            double mean, invStd;
            if (mode == ForwardMode.Training)
            {
                // Recomputed rather than saved, so a replaced output still back-propagates.
                var (batchMean, variance) = Statistics(x, c);
                mean = batchMean;
                invStd = 1.0 / Math.Sqrt(variance + Epsilon);
            }
            else
            {
                mean = _runningMean.Value[c];
                invStd = 1.0 / Math.Sqrt(_runningVar.Value[c] + Epsilon);
            }

            double sumDy = 0, sumDyXhat = 0;
            for (var s = 0; s < x.N; s++)
            {
                var src = x.Data.AsSpan((s * _channels + c) * plane, plane);
                var dy = gradOutput.Data.AsSpan((s * _channels + c) * plane, plane);
                for (var i = 0; i < plane; i++)
                {
                    sumDy += dy[i];
                    sumDyXhat += dy[i] * ((src[i] - mean) * invStd);
                }
            }

            _weight.Grad[c] += (float)sumDyXhat;
            _bias.Grad[c] += (float)sumDy;
            if (gradInput is null)
            {
                return;
            }

            var gamma = _weight.Value[c];
            for (var s = 0; s < x.N; s++)
            {
                var src = x.Data.AsSpan((s * _channels + c) * plane, plane);
                var dy = gradOutput.Data.AsSpan((s * _channels + c) * plane, plane);
                var dx = gradInput.Data.AsSpan((s * _channels + c) * plane, plane);
                if (mode == ForwardMode.Training)
                {
                    var meanDy = sumDy / count;
                    var meanDyXhat = sumDyXhat / count;
                    for (var i = 0; i < plane; i++)
                    {
                        var xhat = (src[i] - mean) * invStd;
                        dx[i] += (float)(gamma * invStd * (dy[i] - meanDy - xhat * meanDyXhat));
                    }
                }
                else
                {
                    var scale = (float)(gamma * invStd);
                    for (var i = 0; i < plane; i++)
                    {
                        dx[i] += dy[i] * scale;
                    }
                }
            }
        });
    }

    /// <summary>Mean and biased variance of channel c over the batch (two passes, double).</summary>
    private (double Mean, double Variance) Statistics(Tensor x, int c)
    {
        var plane = x.H * x.W;
        double sum = 0;
        for (var s = 0; s < x.N; s++)
        {
            var src = x.Data.AsSpan((s * _channels + c) * plane, plane);
            for (var i = 0; i < plane; i++)
            {
                sum += src[i];
            }
        }

        var count = (double)x.N * plane;
        var mean = sum / count;
        double squares = 0;
        for (var s = 0; s < x.N; s++)
        {
            var src = x.Data.AsSpan((s * _channels + c) * plane, plane);
            for (var i = 0; i < plane; i++)
            {
                var d = src[i] - mean;
                squares += d * d;
            }
        }

        return (mean, squares / count);
    }
}
