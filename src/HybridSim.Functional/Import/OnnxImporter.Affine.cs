using System.Collections.Immutable;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Import;

public static partial class OnnxImporter
{
    /// <summary>Add, Sub, Mul and Div: a residual add of two layer outputs, or a per-channel affine map by a constant,
    /// folded into the conv, fc or batch norm before it, or at the network input into the workload's dataset mean/std.</summary>
    private sealed partial class Conversion
    {
        /// <summary>Input normalization folded so far, as (x − mean) / std per input channel; null until a Sub/Div/Add/Mul reads the input.</summary>
        private double[]? _inputMean;
        private double[]? _inputStd;

        private void Arithmetic()
        {
            var constant = Enumerable.Range(0, 2).FirstOrDefault(i => Input(i) is string s && _constants.ContainsKey(s), -1);
            if (constant < 0)
            {
                ResidualAdd();
                return;
            }

            var op = _node.OpType;
            if (constant == 0 && op is "Sub" or "Div")
            {
                throw NodeError($"{op} of a constant by a layer output is not supported; expected the layer output first (x - c or x / c)");
            }

            var x = Edge(1 - constant);
            var c = PerChannel(Input(constant)!, x);
            var (scale, shift) = op switch
            {
                "Add" => (c.Select(_ => 1.0).ToArray(), c),
                "Sub" => (c.Select(_ => 1.0).ToArray(), c.Select(v => -v).ToArray()),
                "Mul" => (c, new double[c.Length]),
                _ => (c.Select(v => 1 / v).ToArray(), new double[c.Length]),
            };
            if (_consumers.GetValueOrDefault(Input(1 - constant)!) != 1 || _layers.Any(l => l.Inputs.Contains(x.Layer)))
            {
                throw NodeError($"{op} by the constant '{Input(constant)}' reads a tensor that other nodes read too; it folds only into the one layer (or the network input) before it");
            }

            if (x.Layer == "input")
            {
                NormalizeInput(scale, shift);
            }
            else
            {
                ScaleShift(x.Layer, scale, shift);
            }

            PassThrough(1 - constant);
        }

        private void ResidualAdd()
        {
            if (_node.OpType != "Add")
            {
                throw NodeError($"{_node.OpType} of two layer outputs is not supported; only Add (a residual join) is, and {_node.OpType} by a constant");
            }

            var a = Edge(0);
            var b = Edge(1);
            if (a.Shape != b.Shape)
            {
                throw NodeError($"Add of a {a.Shape} and a {b.Shape} input is not supported; expected equal shapes (no broadcasting)");
            }

            Emit("add", [a.Layer, b.Layer], a.Shape);
        }

        /// <summary>One value per channel of <paramref name="x"/> from a constant that broadcasts per channel: a scalar,
        /// [C], [C, 1, 1] or [1, C, 1, 1] (for an [N, C, H, W] input), [C] or [1, C] (for an [N, C] input).</summary>
        private double[] PerChannel(string name, (string Layer, TensorShape Shape) x)
        {
            var t = Constant(_constants[name]);
            var channels = x.Shape.Channels;
            if (t.Values.Length == 1)
            {
                return [.. Enumerable.Repeat(t.Values[0], channels)];
            }

            var dims = t.Dims.SkipWhile(d => d == 1).ToArray();
            var rank = RankOf(Input(_node.Inputs.IndexOf(name) == 0 ? 1 : 0)!);
            var fits = dims.Length > 0 && dims[0] == channels && t.Rank <= rank
                && (rank == 2 ? dims.Length == 1 : dims.Length == 3 && dims[1] == 1 && dims[2] == 1);
            if (!fits || t.Values.Any(double.IsNaN))
            {
                throw NodeError($"{_node.OpType} by the constant '{name}' [{string.Join(", ", t.Dims)}] is not supported; expected a scalar or one value per channel ({channels}) broadcast over the rest");
            }

            return t.Values;
        }

        /// <summary>x·scale + shift at the network input, composed into (x − mean) / std (the workload's dataset block).</summary>
        private void NormalizeInput(double[] scale, double[] shift)
        {
            if (scale.Any(s => !(s > 0) || double.IsInfinity(s)))
            {
                throw NodeError($"{_node.OpType} at the input scales by a non-positive or infinite factor; the dataset std must be positive");
            }

            var mean = _inputMean ?? new double[scale.Length];
            var std = _inputStd ?? [.. Enumerable.Repeat(1.0, scale.Length)];
            for (var c = 0; c < scale.Length; c++)
            {
                // (x − m)/s · a + b = (x − (m − b·s/a)) / (s/a)
                mean[c] -= shift[c] * std[c] / scale[c];
                std[c] /= scale[c];
            }

            (_inputMean, _inputStd) = (mean, std);
            _notes.Add($"node '{_node.Name}': {_node.OpType} at the input folded into the workload's dataset mean/std");
        }

        /// <summary>y·scale + shift after a conv, fc or batch norm, folded into its weight and bias (like a batch norm).</summary>
        private void ScaleShift(string layerName, double[] scale, double[] shift)
        {
            var layer = _layers.Single(l => l.Name == layerName);
            if (layer.Kind is not ("conv" or "fc" or "batchnorm"))
            {
                throw NodeError($"{_node.OpType} by a constant after {layer.Kind} layer '{layer.Name}' is not supported; it folds only into a conv, fc or batch norm right before it");
            }

            var weight = _weights.Single(w => w.Name == layer.Name + ".weight");
            var perChannel = weight.Data.Length / scale.Length;
            for (var i = 0; i < weight.Data.Length; i++)
            {
                weight.Data[i] = (float)(weight.Data[i] * scale[i / perChannel]);
            }

            var biasName = layer.Name + ".bias";
            var bias = _weights.SingleOrDefault(w => w.Name == biasName);
            if (bias is null && shift.Any(s => s != 0))
            {
                bias = new NamedArray(biasName, ImmutableArray.Create(scale.Length), new float[scale.Length]);
                _weights.Insert(_weights.IndexOf(weight) + 1, bias);
                layer.Bias = true;
            }

            for (var c = 0; bias is not null && c < scale.Length; c++)
            {
                bias.Data[c] = (float)((bias.Data[c] * scale[c]) + shift[c]);
            }

            _notes.Add($"node '{_node.Name}': {_node.OpType} by a constant folded into {layer.Name}'s weight and bias");
        }
    }
}
