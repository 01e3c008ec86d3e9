using System.Globalization;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Import;

public static partial class OnnxImporter
{
    /// <summary>Operators that change no values, only how a tensor is laid out or read (reshape, flatten, pad, pass-through).</summary>
    private sealed partial class Conversion
    {
        private readonly Dictionary<string, int> _ranks = new(StringComparer.Ordinal);

        /// <summary>Pad outputs not yet read: the padded edge and the [top, left, bottom, right] zeros a conv will take in.</summary>
        private readonly Dictionary<string, ((string Layer, TensorShape Shape) Edge, long[] Pads)> _pendingPads = new(StringComparer.Ordinal);

        /// <summary>Rank of a layer output as ONNX sees it: 2 after fc and flatten, else that of the network input or 4.</summary>
        private int RankOf(string name) => _ranks.GetValueOrDefault(name, 4);

        /// <summary>The node's output is input <paramref name="i"/>'s edge, unchanged, with <paramref name="rank"/> (default: the input's).</summary>
        private void PassThrough(int i, int? rank = null, TensorShape? shape = null)
        {
            var edge = Edge(i);
            _edges[_node.Outputs[0]] = (edge.Layer, shape ?? edge.Shape);
            _ranks[_node.Outputs[0]] = rank ?? RankOf(Input(i)!);
        }

        private void Dropout()
        {
            OnlyFirstOutputUsed();
            if (Input(2) is string training && (!_constants.TryGetValue(training, out var mode) || Constant(mode).Values.Any(v => v != 0)))
            {
                throw NodeError("Dropout in training mode (training_mode true or computed) is not supported; export the model after model.eval()");
            }

            PassThrough(0);
        }

        /// <summary>ONNX Flatten to [prod(dims before axis), prod(dims from axis)]: keeps the batch when every dim between
        /// the batch and the axis is 1.</summary>
        private void Flatten()
        {
            var x = Edge(0);
            var rank = RankOf(Input(0)!);
            var axis = Attribute("axis")?.I ?? 1;
            axis = axis < 0 ? axis + rank : axis;
            var dims = rank == 2 ? new long[] { x.Shape.Elements } : [x.Shape.Channels, x.Shape.Height, x.Shape.Width];
            if (axis < 1 || axis > rank || dims.Take((int)axis - 1).Any(d => d != 1))
            {
                throw NodeError($"Flatten with axis {Attribute("axis")?.I} of a rank-{rank} {x.Shape} input folds the batch into the features; expected axis 1, or a later axis with only 1s before it");
            }

            if (axis == rank)
            {
                throw NodeError($"Flatten with axis {axis} of a rank-{rank} input gives a [N·features, 1] matrix; expected axis 1");
            }

            Vectorize(x);
        }

        /// <summary>The edge as an [N, features] matrix: a flatten layer, or the edge itself when it already is a vector.</summary>
        private void Vectorize((string Layer, TensorShape Shape) x)
        {
            if (x.Shape.Height == 1 && x.Shape.Width == 1)
            {
                PassThrough(0, rank: 2);
                return;
            }

            Emit("flatten", [x.Layer], new TensorShape((int)x.Shape.Elements, 1, 1));
        }

        /// <summary>Reshape with a constant (possibly folded) target that keeps the batch: to [N, features] (a flatten) or to
        /// the same layout with only 1s added or removed.</summary>
        private void Reshape()
        {
            var x = Edge(0);
            long[] shape;
            if (Input(1) is string name)
            {
                shape = _constants.TryGetValue(name, out var t) ? Integers(Constant(t)) : throw NodeError($"Reshape's shape '{name}' is computed from the data, not folded to a constant");
            }
            else
            {
                shape = [.. Attribute("shape")?.Ints ?? throw NodeError("Reshape needs a shape")];
            }

            var shown = string.Join(", ", shape.Select(d => d == BatchSymbol ? "N" : d.ToString(CultureInfo.InvariantCulture)));
            var elements = x.Shape.Elements;
            long[] inputDims = RankOf(Input(0)!) == 2 ? [elements] : [x.Shape.Channels, x.Shape.Height, x.Shape.Width];
            var rest = shape.Skip(1).Select((d, i) => d == 0 && i < inputDims.Length ? inputDims[i] : d).ToArray();
            var keepsBatch = shape.Length >= 2 && (shape[0] is BatchSymbol or 0 || (shape[0] == -1 && !rest.Contains(-1)));
            long[] dims;
            try
            {
                dims = keepsBatch ? ConstantTensor.ReshapeDims([], rest, elements, allowZero: true) : [];
            }
            catch (InvalidDataException)
            {
                dims = [];
            }

            if (dims.Length == 0 || (rest.Length > 1 && !SameLayout(x.Shape, dims)))
            {
                throw NodeError($"Reshape of a {x.Shape} input to [{shown}] is not supported; expected [N, -1] (a flatten) or a shape that only adds or drops 1s");
            }

            if (dims.Length == 1)
            {
                Vectorize(x);
                return;
            }

            var padded = dims.Concat(Enumerable.Repeat(1L, 3)).ToArray();
            PassThrough(0, rank: dims.Length + 1, shape: new TensorShape((int)padded[0], (int)padded[1], (int)padded[2]));
        }

        /// <summary>Whether <paramref name="dims"/> orders the same non-1 sizes as the shape (the same bytes, read the same way).</summary>
        private static bool SameLayout(TensorShape shape, IEnumerable<long> dims) =>
            new long[] { shape.Channels, shape.Height, shape.Width }.Where(d => d != 1).SequenceEqual(dims.Where(d => d != 1)) && dims.Count() <= 3;

        /// <summary>Transpose of a layer output that moves only 1-sized dims (and keeps the batch first): a layout no-op.</summary>
        private void Transpose()
        {
            var x = Edge(0);
            var rank = RankOf(Input(0)!);
            long[] dims = rank == 2 ? [1, x.Shape.Elements] : [1, x.Shape.Channels, x.Shape.Height, x.Shape.Width];
            var perm = Attribute("perm")?.Ints ?? [.. Enumerable.Range(0, rank).Reverse().Select(i => (long)i)];
            if (perm.Count != rank || perm[0] != 0 || perm.Order().Where((p, i) => p != i).Any())
            {
                throw NodeError($"Transpose with perm [{string.Join(", ", perm)}] of a rank-{rank} input is not supported; only a layout no-op (the batch first, only 1-sized dims moved) is");
            }

            var moved = perm.Skip(1).Select(p => dims[p]).ToArray();
            if (!SameLayout(x.Shape, moved))
            {
                throw NodeError($"Transpose with perm [{string.Join(", ", perm)}] reorders the data of a {x.Shape} input; only a layout no-op (only 1-sized dims moved) is supported");
            }

            var padded = moved.Concat(Enumerable.Repeat(1L, 3)).ToArray();
            PassThrough(0, shape: new TensorShape((int)padded[0], (int)padded[1], (int)padded[2]));
        }

        /// <summary>A zero Pad: nothing when all pads are 0; on H and W, held for the conv that reads it next.</summary>
        private void Pad()
        {
            var x = Edge(0);
            if ((Attribute("mode")?.S ?? "constant") is not ("constant" or ""))
            {
                throw NodeError($"Pad mode '{Attribute("mode")!.S}' is not supported; expected zero (constant) padding before a conv");
            }

            long[] pads = Input(1) is string p
                ? (_constants.TryGetValue(p, out var t) ? Integers(Constant(t)) : throw NodeError($"the pads '{p}' are computed from the data, not folded to a constant"))
                : [.. Attribute("pads")?.Ints ?? []];
            var value = Input(2) is string v ? (_constants.TryGetValue(v, out var c) ? Constant(c).Values.FirstOrDefault() : double.NaN) : Attribute("value")?.F ?? 0;
            if (Input(3) is not null)
            {
                throw NodeError("Pad with axes is not supported; expected pads for every dimension");
            }

            var rank = RankOf(Input(0)!);
            if (pads.Length != 2 * rank || pads.Any(d => d < 0))
            {
                throw NodeError($"pads [{string.Join(", ", pads)}] are not {2 * rank} non-negative values for a rank-{rank} input");
            }

            if (pads.All(d => d == 0))
            {
                PassThrough(0);
                return;
            }

            if (value != 0 || rank != 4 || pads[0] != 0 || pads[1] != 0 || pads[4] != 0 || pads[5] != 0)
            {
                throw NodeError($"Pad [{string.Join(", ", pads)}] with value {value.ToString(CultureInfo.InvariantCulture)} is not supported; expected zeros on height and width only, before a conv");
            }

            _pendingPads[_node.Outputs[0]] = (x, [pads[2], pads[3], pads[6], pads[7]]);
        }

        /// <summary>ReduceMean over height and width of an [N, C, H, W] input: a global average pool.</summary>
        private void ReduceMean()
        {
            var x = Edge(0);
            var rank = RankOf(Input(0)!);
            long[]? axes = Attribute("axes")?.Ints is { Count: > 0 } a ? [.. a] : Input(1) is string n && _constants.TryGetValue(n, out var t) ? Integers(Constant(t)) : null;
            var keep = (Attribute("keepdims")?.I ?? 1) != 0;
            if (rank != 4 || axes is null || axes.Select(d => d < 0 ? d + 4 : d).Order().SequenceEqual([2L, 3L]) is false)
            {
                throw NodeError($"ReduceMean over axes [{string.Join(", ", axes ?? [])}] of a rank-{rank} input is not supported; expected the mean over height and width (axes [2, 3]) of an [N, C, H, W] input");
            }

            Emit("global_avgpool", [x.Layer], new TensorShape(x.Shape.Channels, 1, 1));
            _ranks[_node.Outputs[0]] = keep ? 4 : 2;
        }

        /// <summary>Softmax or LogSoftmax on the graph output: dropped (the argmax, hence the accuracy, is the same).</summary>
        private void SoftmaxAtOutput()
        {
            if (!_graph.Outputs.Any(o => o.Name == _node.Outputs[0]))
            {
                throw NodeError($"{_node.OpType} is supported only as the last operator (the graph output), where it is dropped");
            }

            PassThrough(0);
            _notes.Add($"node '{_node.Name}': {_node.OpType} at the output dropped; the workload's output is the logits before it (same argmax)");
        }
    }
}
