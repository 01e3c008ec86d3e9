using System.Collections.Immutable;
using System.Globalization;

namespace HybridSim.Functional.Import;

public static partial class OnnxImporter
{
    /// <summary>Value of ONNX's ElemType for bool, accepted by Cast and ConstantOfShape as an integer.</summary>
    private const int BoolType = 9;

    private sealed partial class Conversion
    {
        /// <summary>Whether the node computes a constant: every input is a constant, or it is Shape of a known edge.</summary>
        private bool Folds()
        {
            if (!Foldable.Contains(_node.OpType))
            {
                return false;
            }

            var inputs = _node.Inputs.Where(i => i.Length > 0).ToList();
            return _node.OpType == "Shape" ? inputs.Count == 1 : inputs.All(_constants.ContainsKey);
        }

        private void Fold()
        {
            ConstantTensor result;
            try
            {
                result = FoldNode();
            }
            catch (InvalidDataException e)
            {
                throw NodeError($"does not fold to a constant: {e.Message}");
            }

            _constants[_node.Outputs[0]] = Tensor(_node.Outputs[0], result);
        }

        private ConstantTensor FoldNode()
        {
            switch (_node.OpType)
            {
                case "Shape":
                    var dims = ShapeOf(Input(0)!);
                    var rank = dims.Length;
                    long Bound(long v) => Math.Clamp(v < 0 ? v + rank : v, 0, rank);
                    var start = (int)Bound(Attribute("start")?.I ?? 0);
                    var end = (int)Bound(Attribute("end")?.I ?? rank);
                    return ConstantTensor.Vector(dims[start..Math.Max(start, end)], isInteger: true);
                case "Gather":
                    return Const(0).Gather(Const(1), Attribute("axis")?.I ?? 0);
                case "Unsqueeze":
                    return Const(0).Unsqueeze(Axes(1) ?? throw new InvalidDataException("Unsqueeze needs axes"));
                case "Squeeze":
                    return Const(0).Squeeze(Axes(1));
                case "Concat":
                    var parts = _node.Inputs.Where(i => i.Length > 0).Select(i => Constant(i)).ToList();
                    return parts[0].Concat(parts, Attribute("axis")?.I ?? throw new InvalidDataException("Concat needs an axis"));
                case "Slice":
                    return SliceNode();
                case "Cast":
                    var to = (int)(Attribute("to")?.I ?? 0);
                    return to is OnnxTensor.Float or OnnxTensor.Double ? Const(0).Cast(toInteger: false)
                        : to is OnnxTensor.Int64 or OnnxTensor.Int32 or BoolType ? Const(0).Cast(toInteger: true)
                        : throw new InvalidDataException($"Cast to {OnnxTensor.TypeName(to)} does not fold; expected a float or integer type");
                case "ConstantOfShape":
                    var shape = Integers(Const(0));
                    var fill = Attribute("value")?.T is { } v ? Constant(v) : new ConstantTensor([1], [0], false);
                    return new ConstantTensor(shape, Enumerable.Repeat(fill.Values[0], (int)ConstantTensor.Count(shape)).ToArray(), fill.IsInteger);
                case "Add" or "Sub" or "Mul" or "Div":
                    return ConstantTensor.Broadcast(Const(0), Const(1), _node.OpType);
                case "Reshape":
                    var data = Const(0);
                    return data.Reshape(ConstantTensor.ReshapeDims(data.Dims, Integers(Const(1)), data.Values.Length, (Attribute("allowzero")?.I ?? 0) != 0));
                case "Transpose":
                    var x = Const(0);
                    return x.Transpose([.. Attribute("perm")?.Ints ?? [.. Enumerable.Range(0, x.Rank).Reverse().Select(i => (long)i)]]);
                default:
                    return Const(0);
            }
        }

        private ConstantTensor SliceNode()
        {
            var data = Const(0);
            long[] starts, ends, axes, steps;
            if (_model.Opset is > 0 and < 10)
            {
                starts = [.. Attribute("starts")?.Ints ?? []];
                ends = [.. Attribute("ends")?.Ints ?? []];
                axes = [.. Attribute("axes")?.Ints ?? [.. Enumerable.Range(0, starts.Length).Select(i => (long)i)]];
                steps = [.. Enumerable.Repeat(1L, starts.Length)];
            }
            else
            {
                starts = Integers(Const(1));
                ends = Integers(Const(2));
                axes = Input(3) is null ? [.. Enumerable.Range(0, starts.Length).Select(i => (long)i)] : Integers(Const(3));
                steps = Input(4) is null ? [.. Enumerable.Repeat(1L, starts.Length)] : Integers(Const(4));
            }

            if (ends.Length != starts.Length || axes.Length != starts.Length || steps.Length != starts.Length)
            {
                throw new InvalidDataException("Slice's starts, ends, axes and steps differ in length");
            }

            return data.Slice(starts, ends, axes, steps);
        }

        /// <summary>Axes from the attribute (before opset 13) or from input <paramref name="input"/>; null when neither.</summary>
        private long[]? Axes(int input) =>
            Attribute("axes")?.Ints is { Count: > 0 } a ? [.. a] : Input(input) is not null ? Integers(Const(input)) : null;

        /// <summary>The dims of a constant, or of a layer's output with the batch as NaN.</summary>
        private double[] ShapeOf(string name)
        {
            if (_constants.TryGetValue(name, out var t))
            {
                return [.. t.Dims.Select(d => (double)d)];
            }

            var (_, shape) = Edge(0);
            return RankOf(name) == 2 ? [double.NaN, shape.Elements] : [double.NaN, shape.Channels, shape.Height, shape.Width];
        }

        private ConstantTensor Const(int i) => Constant(Input(i) ?? throw new InvalidDataException($"input {i} is missing"));

        private ConstantTensor Constant(string name) => Constant(_constants[name]);

        private static ConstantTensor Constant(OnnxTensor t)
        {
            if (t.External)
            {
                throw new InvalidDataException($"tensor '{t.Name}' is stored in an external data file");
            }

            ConstantTensor.Count(t.Dims);
            if (t.DataType is OnnxTensor.Int64 or OnnxTensor.Int32 && t.IntegerValues() is { } ints)
            {
                return Checked(t, new ConstantTensor([.. t.Dims], [.. ints.Select(v => v == BatchSymbol ? double.NaN : v)], true));
            }

            if (t.DataType == BoolType)
            {
                // bool: one byte per value in raw_data, else widened into int32_data (onnx.proto).
                double[] bools = !t.RawData.IsEmpty ? [.. t.RawData.Span.ToArray().Select(b => b != 0 ? 1.0 : 0.0)] : [.. t.Int32Data.Select(v => v != 0 ? 1.0 : 0.0)];
                return Checked(t, new ConstantTensor([.. t.Dims], bools, true));
            }

            if (t.DataType == OnnxTensor.Float && t.FloatValues() is { } floats)
            {
                return new ConstantTensor([.. t.Dims], [.. floats.Select(f => (double)f)], false);
            }

            if (t.DataType == OnnxTensor.Double && t.Elements == 1 && t.Scalar() is { } d)
            {
                return new ConstantTensor([.. t.Dims], [d], false);
            }

            throw new InvalidDataException($"tensor '{t.Name}' ({OnnxTensor.TypeName(t.DataType)}) is not a float32, int32 or int64 tensor of its dims");
        }

        private static ConstantTensor Checked(OnnxTensor t, ConstantTensor c) => c.Values.Length == t.Elements ? c
            : throw new InvalidDataException($"tensor '{t.Name}' holds {c.Values.Length} values, its dims [{string.Join(", ", t.Dims)}] give {t.Elements}");

        private static long[] Integers(ConstantTensor c) =>
            [.. c.Values.Select(v => double.IsNaN(v) ? BatchSymbol : v == Math.Truncate(v) ? (long)v : throw new InvalidDataException($"{v.ToString(CultureInfo.InvariantCulture)} is not an integer"))];

        /// <summary>How a computed integer tensor stores the symbolic batch size (NaN in <see cref="ConstantTensor"/>).</summary>
        private const long BatchSymbol = long.MinValue;

        private static OnnxTensor Tensor(string name, ConstantTensor c)
        {
            var t = new OnnxTensor { Name = name, DataType = c.IsInteger ? OnnxTensor.Int64 : OnnxTensor.Float };
            t.Dims.AddRange(c.Dims);
            if (c.IsInteger)
            {
                t.Int64Data.AddRange(c.Values.Select(v => double.IsNaN(v) ? BatchSymbol : (long)v));
            }
            else
            {
                t.FloatData.AddRange(c.Values.Select(v => (float)v));
            }

            return t;
        }
    }
}
