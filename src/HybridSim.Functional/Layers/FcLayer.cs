using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Layers;

/// <summary>Fully connected layer y = x · Wᵀ + b on a batch of vectors, with fused activation and optional LoBranch
/// (y += (x · Aᵀ) · Bᵀ). The batch is one GEMM, which splits itself over fixed row chunks.</summary>
internal sealed class FcLayer : Layer
{
    private readonly int _in;
    private readonly int _out;
    private readonly int _rank;
    private readonly Parameter _weight;
    private readonly Parameter? _bias;
    private readonly Parameter? _branchA;
    private readonly Parameter? _branchB;
    private readonly Parameter[] _parameters;
    private float[] _dPre = [];
    private float[] _branchHidden = [];
    private float[] _dBranchHidden = [];

    public FcLayer(LayerSpec spec, int rank)
        : base(spec)
    {
        _in = (int)spec.InputShape.Elements;
        _out = spec.OutChannels;
        _rank = rank;
        var list = new List<Parameter>();
        _weight = new Parameter(spec.Name + ".weight", [_out, _in], false, false);
        list.Add(_weight);
        if (spec.Bias)
        {
            _bias = new Parameter(spec.Name + ".bias", [_out], false, true);
            list.Add(_bias);
        }

        if (rank > 0)
        {
            _branchA = new Parameter(spec.Name + ".lobranch_a", [rank, _in], false, false);
            _branchB = new Parameter(spec.Name + ".lobranch_b", [_out, rank], false, false);
            list.Add(_branchA);
            list.Add(_branchB);
        }

        _parameters = [.. list];
    }

    public override IReadOnlyList<Parameter> Parameters => _parameters;

    public int FanIn => _in;

    public override Tensor Forward(IReadOnlyList<Tensor> inputs, ForwardMode mode)
    {
        var x = inputs[0];
        var n = x.N;
        var output = Output(n);
        var y = output.Data;
        Gemm.Multiply(x.Data, false, _weight.Value, true, y, n, _out, _in, false);
        if (_bias is not null)
        {
            for (var s = 0; s < n; s++)
            {
                var row = y.AsSpan(s * _out, _out);
                for (var o = 0; o < _out; o++)
                {
                    row[o] += _bias.Value[o];
                }
            }
        }

        if (_branchA is not null && _branchB is not null)
        {
            var t = Grow(ref _branchHidden, n * _rank);
            Gemm.Multiply(x.Data, false, _branchA.Value, true, t, n, _rank, _in, false);
            Gemm.Multiply(t, false, _branchB.Value, true, y, n, _out, _rank, true);
        }

        Activations.Apply(Spec.Activation, y);
        return output;
    }

    public override void Backward(IReadOnlyList<Tensor> inputs, Tensor output, Tensor gradOutput, IReadOnlyList<Tensor?> gradInputs, ForwardMode mode)
    {
        var x = inputs[0];
        var n = x.N;
        float[] dPre;
        if (Spec.Activation == ActivationKind.None)
        {
            dPre = gradOutput.Data;
        }
        else
        {
            dPre = Grow(ref _dPre, n * _out);
            Activations.Backward(Spec.Activation, output.Data, gradOutput.Data, dPre, false);
        }

        Gemm.Multiply(dPre, true, x.Data, false, _weight.Grad, _out, _in, n, true);
        if (_bias is not null)
        {
            var grad = _bias.Grad;
            for (var o = 0; o < _out; o++)
            {
                var sum = 0f;
                for (var s = 0; s < n; s++)
                {
                    sum += dPre[s * _out + o];
                }

                grad[o] += sum;
            }
        }

        var gradInput = gradInputs[0];
        if (gradInput is not null)
        {
            Gemm.Multiply(dPre, false, _weight.Value, false, gradInput.Data, n, _in, _out, true);
        }

        if (_branchA is not null && _branchB is not null)
        {
            var t = Grow(ref _branchHidden, n * _rank);
            var dt = Grow(ref _dBranchHidden, n * _rank);
            Gemm.Multiply(x.Data, false, _branchA.Value, true, t, n, _rank, _in, false);
            Gemm.Multiply(dPre, true, t, false, _branchB.Grad, _out, _rank, n, true);
            Gemm.Multiply(dPre, false, _branchB.Value, false, dt, n, _rank, _out, false);
            Gemm.Multiply(dt, true, x.Data, false, _branchA.Grad, _rank, _in, n, true);
            if (gradInput is not null)
            {
                Gemm.Multiply(dt, false, _branchA.Value, false, gradInput.Data, n, _in, _rank, true);
            }
        }
    }

    private static float[] Grow(ref float[] buffer, int length)
    {
        if (buffer.Length != length)
        {
            buffer = new float[length];
        }

        return buffer;
    }
}
