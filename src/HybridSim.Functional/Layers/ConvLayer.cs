using System.Collections.Immutable;
using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Layers;

/// <summary>
/// 2-D convolution as im2col + GEMM per group, with optional bias, fused activation and a rank-r LoBranch
/// (out += B · (A · columns), A over all input channels in (c, ky, kx) order). Samples run in parallel.
/// </summary>
internal sealed class ConvLayer : Layer
{
    private readonly Im2Col _geometry;
    private readonly int _groups;
    private readonly int _outChannels;
    private readonly int _groupOut;
    private readonly int _groupRows;
    private readonly int _rank;
    private readonly Parameter _weight;
    private readonly Parameter? _bias;
    private readonly Parameter? _branchA;
    private readonly Parameter? _branchB;
    private readonly Parameter[] _parameters;
    private readonly GradientPartials _partials;

    /// <summary>One filter per channel and no branch: direct loops instead of im2col.</summary>
    private readonly bool _depthwise;

    public ConvLayer(LayerSpec spec, int rank)
        : base(spec)
    {
        var input = spec.InputShape;
        _geometry = new Im2Col(input.Channels, input.Height, input.Width, spec.KernelHeight, spec.KernelWidth, spec.Stride, spec.Padding);
        _groups = spec.Groups;
        _outChannels = spec.OutChannels;
        _groupOut = _outChannels / _groups;
        _groupRows = _geometry.Rows / _groups;
        _rank = rank;
        var list = new List<Parameter>();
        _weight = new Parameter(spec.Name + ".weight", [_outChannels, input.Channels / _groups, spec.KernelHeight, spec.KernelWidth], false, false);
        list.Add(_weight);
        if (spec.Bias)
        {
            _bias = new Parameter(spec.Name + ".bias", [_outChannels], false, true);
            list.Add(_bias);
        }

        if (rank > 0)
        {
            _branchA = new Parameter(spec.Name + ".lobranch_a", [rank, _geometry.Rows], false, false);
            _branchB = new Parameter(spec.Name + ".lobranch_b", [_outChannels, rank], false, false);
            list.Add(_branchA);
            list.Add(_branchB);
        }

        _parameters = [.. list];
        _partials = new GradientPartials(_parameters);
        _depthwise = _groups == input.Channels && _groups == _outChannels && _groups > 1 && rank == 0;
    }

    public override IReadOnlyList<Parameter> Parameters => _parameters;

    public int FanIn => _groupRows;

    public override Tensor Forward(IReadOnlyList<Tensor> inputs, ForwardMode mode)
    {
        var x = inputs[0];
        var output = Output(x.N);
        var single = x.N == 1;
        Parallelism.For(x.N, s => ForwardSample(x, output, s, single));
        return output;
    }

    private void ForwardSample(Tensor x, Tensor output, int s, bool parallelGemm)
    {
        var positions = _geometry.Positions;
        var y = output.Sample(s);
        var w = _weight.Value;
        var columns = _depthwise ? default : Columns(x, s);
        if (_depthwise)
        {
            DepthwiseConv.Forward(_geometry, w, x.Sample(s), y);
        }

        for (var g = 0; g < _groups && !_depthwise; g++)
        {
            Gemm.Multiply(
                w.AsSpan(g * _groupOut * _groupRows, _groupOut * _groupRows), false,
                columns.Slice(g * _groupRows * positions, _groupRows * positions), false,
                y.Slice(g * _groupOut * positions, _groupOut * positions),
                _groupOut, positions, _groupRows, false, parallelGemm);
        }

        if (_bias is not null)
        {
            for (var o = 0; o < _outChannels; o++)
            {
                var plane = y.Slice(o * positions, positions);
                var b = _bias.Value[o];
                for (var i = 0; i < plane.Length; i++)
                {
                    plane[i] += b;
                }
            }
        }

        if (_branchA is not null && _branchB is not null)
        {
            var t = Scratch.Get(Scratch.Branch, _rank * positions).AsSpan(0, _rank * positions);
            Gemm.Multiply(_branchA.Value, false, columns, false, t, _rank, positions, _geometry.Rows, false, parallelGemm);
            Gemm.Multiply(_branchB.Value, false, t, false, y, _outChannels, positions, _rank, true, parallelGemm);
        }

        Activations.Apply(Spec.Activation, y);
    }

    public override void Backward(IReadOnlyList<Tensor> inputs, Tensor output, Tensor gradOutput, IReadOnlyList<Tensor?> gradInputs, ForwardMode mode)
    {
        var x = inputs[0];
        var gradInput = gradInputs[0];
        var chunks = GradientPartials.ChunkCount(x.N);
        _partials.Reset(chunks);
        Parallelism.For(chunks, chunk =>
        {
            var (start, end) = GradientPartials.SampleRange(x.N, chunks, chunk);
            for (var s = start; s < end; s++)
            {
                BackwardSample(x, output, gradOutput, gradInput, s, chunk, chunks == 1);
            }
        });
        _partials.AddToGradients();
    }

    private void BackwardSample(Tensor x, Tensor output, Tensor gradOutput, Tensor? gradInput, int s, int chunk, bool parallelGemm)
    {
        var positions = _geometry.Positions;
        var outLength = _outChannels * positions;
        ReadOnlySpan<float> dPre;
        if (Spec.Activation == ActivationKind.None)
        {
            dPre = gradOutput.Sample(s);
        }
        else
        {
            var buffer = Scratch.Get(Scratch.PreGrad, outLength).AsSpan(0, outLength);
            Activations.Backward(Spec.Activation, output.Sample(s), gradOutput.Sample(s), buffer, false);
            dPre = buffer;
        }

        var w = _weight.Value;
        var dW = _partials.Buffer(chunk, 0);
        if (_depthwise)
        {
            DepthwiseConv.Backward(_geometry, w, x.Sample(s), dPre, dW, gradInput is null ? default : gradInput.Sample(s), gradInput is not null);
        }

        var columns = _depthwise ? default : Columns(x, s);
        for (var g = 0; g < _groups && !_depthwise; g++)
        {
            Gemm.Multiply(
                dPre.Slice(g * _groupOut * positions, _groupOut * positions), false,
                columns.Slice(g * _groupRows * positions, _groupRows * positions), true,
                dW.AsSpan(g * _groupOut * _groupRows, _groupOut * _groupRows),
                _groupOut, _groupRows, positions, true, parallelGemm);
        }

        var next = 1;
        if (_bias is not null)
        {
            var dB = _partials.Buffer(chunk, next++);
            for (var o = 0; o < _outChannels; o++)
            {
                var plane = dPre.Slice(o * positions, positions);
                var sum = 0f;
                for (var i = 0; i < plane.Length; i++)
                {
                    sum += plane[i];
                }

                dB[o] += sum;
            }
        }

        var rows = _geometry.Rows;
        Span<float> dColumns = gradInput is null ? default : Scratch.Get(Scratch.ColumnGrad, rows * positions).AsSpan(0, rows * positions);
        if (gradInput is not null && !_depthwise)
        {
            for (var g = 0; g < _groups; g++)
            {
                Gemm.Multiply(
                    w.AsSpan(g * _groupOut * _groupRows, _groupOut * _groupRows), true,
                    dPre.Slice(g * _groupOut * positions, _groupOut * positions), false,
                    dColumns.Slice(g * _groupRows * positions, _groupRows * positions),
                    _groupRows, positions, _groupOut, false, parallelGemm);
            }
        }

        if (_branchA is not null && _branchB is not null)
        {
            var t = Scratch.Get(Scratch.Branch, _rank * positions).AsSpan(0, _rank * positions);
            var dt = Scratch.Get(Scratch.BranchGrad, _rank * positions).AsSpan(0, _rank * positions);
            Gemm.Multiply(_branchA.Value, false, columns, false, t, _rank, positions, rows, false, parallelGemm);
            Gemm.Multiply(dPre, false, t, true, _partials.Buffer(chunk, next + 1), _outChannels, _rank, positions, true, parallelGemm);
            Gemm.Multiply(_branchB.Value, true, dPre, false, dt, _rank, positions, _outChannels, false, parallelGemm);
            Gemm.Multiply(dt, false, columns, true, _partials.Buffer(chunk, next), _rank, rows, positions, true, parallelGemm);
            if (gradInput is not null)
            {
                Gemm.Multiply(_branchA.Value, true, dt, false, dColumns, rows, positions, _rank, true, parallelGemm);
            }
        }

        if (gradInput is not null && !_depthwise)
        {
            var target = gradInput.Sample(s);
            if (_geometry.IsIdentity)
            {
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] += dColumns[i];
                }
            }
            else
            {
                _geometry.Raise(dColumns, target);
            }
        }
    }

    /// <summary>The column matrix of sample s: the input itself for a 1×1 stride-1 conv, else lowered into scratch.</summary>
    private ReadOnlySpan<float> Columns(Tensor x, int s)
    {
        if (_geometry.IsIdentity)
        {
            return x.Sample(s);
        }

        var length = _geometry.Rows * _geometry.Positions;
        var columns = Scratch.Get(Scratch.Columns, length).AsSpan(0, length);
        _geometry.Lower(x.Sample(s), columns);
        return columns;
    }
}
