using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Import;

public static partial class OnnxImporter
{
    /// <summary>One method per supported ONNX operator, each emitting the layers it maps to.</summary>
    private sealed partial class Conversion
    {
        /// <summary>PyTorch's module name when the weight initializer is named as in its state_dict ('conv1.weight' gives
        /// 'conv1'), so the layers and the .npz keep PyTorch's names; null otherwise (the node name is used).</summary>
        private string? WeightPrefix() =>
            _node.OpType is "Conv" or "Gemm" or "MatMul" or "BatchNormalization" && Input(1) is string w && w.Length > 7
            && w.EndsWith(".weight", StringComparison.Ordinal) && _graph.Initializers.Any(t => t.Name == w) ? w[..^7] : null;

        private void Conv()
        {
            // A zero Pad right before the conv is added to the conv's own pads.
            var (x, padded) = Input(0) is string input && _pendingPads.TryGetValue(input, out var pending) ? pending : (Edge(0), null);
            var w = Weight(1, "weight");
            if (w.Dims.Count != 4)
            {
                throw NodeError($"weight '{w.Name}' has {w.Dims.Count} dimensions; only 2-D convolutions (a 4-D weight) are supported");
            }

            var groups = (int)(Attribute("group")?.I ?? 1);
            int outChannels = (int)w.Dims[0], perGroup = (int)w.Dims[1], kh = (int)w.Dims[2], kw = (int)w.Dims[3];
            if (groups < 1 || perGroup * groups != x.Shape.Channels || outChannels % groups != 0)
            {
                throw NodeError($"weight '{w.Name}' [{string.Join(", ", w.Dims)}] with group {groups} does not fit an input of {x.Shape.Channels} channels");
            }

            CheckKernelShape(kh, kw);
            RequireOnes("dilations", "dilations other than 1 are not supported");
            var (stride, padding, oh, ow) = Window(x.Shape, kh, kw, padded);
            var layer = Emit("conv", [x.Layer], new TensorShape(outChannels, oh, ow), kh, kw, stride, padding, groups);
            _weights.Add(new NamedArray(layer.Name + ".weight", [outChannels, perGroup, kh, kw], Floats(w)));
            if (Input(2) is not null)
            {
                layer.Bias = true;
                _weights.Add(new NamedArray(layer.Name + ".bias", [outChannels], Vector(Weight(2, "bias"), outChannels)));
            }
        }

        private void Gemm()
        {
            var x = Edge(0);
            if ((Attribute("transA")?.I ?? 0) != 0)
            {
                throw NodeError("Gemm with transA = 1 is not supported; expected the input as [N, in]");
            }

            if ((Attribute("alpha")?.F ?? 1f) != 1f || (Input(2) is not null && (Attribute("beta")?.F ?? 1f) != 1f))
            {
                throw NodeError("Gemm with alpha or beta other than 1 is not supported");
            }

            var b = Weight(1, "weight");
            var transposed = (Attribute("transB")?.I ?? 0) != 0;
            var layer = Fc(x, b, transposed);
            if (Input(2) is not null)
            {
                layer.Bias = true;
                _weights.Add(new NamedArray(layer.Name + ".bias", [layer.Output.Channels], Vector(Weight(2, "bias"), layer.Output.Channels)));
            }
        }

        private void MatMul() => Fc(Edge(0), Weight(1, "weight"), transposed: false);

        /// <summary>An fc layer; ONNX holds the weight as [in, out] unless <paramref name="transposed"/> ([out, in], docs/pytorch.md's layout).</summary>
        private ImportedLayer Fc((string Layer, TensorShape Shape) x, OnnxTensor b, bool transposed)
        {
            if (x.Shape.Height != 1 || x.Shape.Width != 1)
            {
                throw NodeError($"an fc ({_node.OpType}) on a {x.Shape} input is not supported; expected a vector: put a Flatten or GlobalAveragePool before it");
            }

            if (b.Dims.Count != 2)
            {
                throw NodeError($"weight '{b.Name}' has {b.Dims.Count} dimensions; expected a matrix");
            }

            int rows = (int)b.Dims[0], cols = (int)b.Dims[1];
            var (outFeatures, inFeatures) = transposed ? (rows, cols) : (cols, rows);
            if (inFeatures != x.Shape.Channels)
            {
                throw NodeError($"weight '{b.Name}' [{rows}, {cols}] expects {inFeatures} inputs, the input has {x.Shape.Channels}");
            }

            var data = Floats(b);
            if (!transposed)
            {
                var t = new float[data.Length];
                for (var i = 0; i < inFeatures; i++)
                {
                    for (var o = 0; o < outFeatures; o++)
                    {
                        t[(o * inFeatures) + i] = data[(i * outFeatures) + o];
                    }
                }

                data = t;
            }

            var layer = Emit("fc", [x.Layer], new TensorShape(outFeatures, 1, 1));
            _weights.Add(new NamedArray(layer.Name + ".weight", [outFeatures, inFeatures], data));
            return layer;
        }

        private void BatchNorm()
        {
            OnlyFirstOutputUsed();
            var x = Edge(0);
            if ((Attribute("spatial")?.I ?? 1) != 1)
            {
                throw NodeError("BatchNormalization with spatial = 0 is not supported; expected per-channel statistics");
            }

            var c = x.Shape.Channels;
            var scale = Vector(Weight(1, "scale"), c);
            var shift = Vector(Weight(2, "bias"), c);
            var mean = Vector(Weight(3, "mean"), c);
            var variance = Vector(Weight(4, "var"), c);
            var epsilon = Attribute("epsilon")?.F ?? 1e-5f;
            if (epsilon != BatchNormEpsilon)
            {
                // The workload's batchnorm assumes epsilon 1e-5; var + epsilon is what the arithmetic uses, so fold the difference in.
                variance = [.. variance.Select(v => Math.Max(0f, v + epsilon - BatchNormEpsilon))];
                _notes.Add($"node '{_node.Name}': epsilon {epsilon.ToString(CultureInfo.InvariantCulture)} folded into running_var (the workload assumes {BatchNormEpsilon.ToString(CultureInfo.InvariantCulture)})");
            }

            var layer = Emit("batchnorm", [x.Layer], x.Shape);
            _weights.Add(new NamedArray(layer.Name + ".weight", [c], scale));
            _weights.Add(new NamedArray(layer.Name + ".bias", [c], shift));
            _weights.Add(new NamedArray(layer.Name + ".running_mean", [c], mean));
            _weights.Add(new NamedArray(layer.Name + ".running_var", [c], variance));
        }

        private void Clip()
        {
            var x = Edge(0);
            double min, max;
            if (_model.Opset is > 0 and < 11)
            {
                min = Attribute("min")?.F ?? float.NegativeInfinity;
                max = Attribute("max")?.F ?? float.PositiveInfinity;
            }
            else
            {
                min = Input(1) is null ? double.NegativeInfinity : Weight(1, "min").Scalar() ?? throw NodeError("Clip's min is not a float scalar");
                max = Input(2) is null ? double.PositiveInfinity : Weight(2, "max").Scalar() ?? throw NodeError("Clip's max is not a float scalar");
            }

            var activation = (min, max) switch
            {
                (0, 6) => "relu6",
                (0, double.PositiveInfinity) => "relu",
                _ => throw NodeError($"Clip to [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}] is not supported; expected [0, 6] (relu6) or [0, inf) (relu)"),
            };
            Emit("activation", [x.Layer], x.Shape, activation: activation);
        }

        private void Pool()
        {
            OnlyFirstOutputUsed();
            var x = Edge(0);
            var k = Attribute("kernel_shape")?.Ints ?? throw NodeError($"{_node.OpType} needs kernel_shape");
            if (k.Count != 2)
            {
                throw NodeError($"kernel_shape [{string.Join(", ", k)}]: only 2-D pooling is supported");
            }

            if ((Attribute("ceil_mode")?.I ?? 0) != 0)
            {
                throw NodeError("ceil_mode = 1 is not supported; the workload's pooling rounds the output size down");
            }

            RequireOnes("dilations", "dilations other than 1 are not supported");
            int kh = (int)k[0], kw = (int)k[1];
            var (stride, padding, oh, ow) = Window(x.Shape, kh, kw);
            var average = _node.OpType == "AveragePool";
            if (average && padding == 0 && kh == x.Shape.Height && kw == x.Shape.Width)
            {
                _notes.Add($"node '{_node.Name}': AveragePool over the whole {x.Shape.Height}x{x.Shape.Width} input imported as global_avgpool");
                Emit("global_avgpool", [x.Layer], new TensorShape(x.Shape.Channels, 1, 1));
                return;
            }

            if (average && padding > 0 && (Attribute("count_include_pad")?.I ?? 0) == 0)
            {
                _notes.Add($"node '{_node.Name}': AveragePool excludes padding from its divisor (count_include_pad = 0); check that HybridSim's avgpool divides the same way");
            }

            Emit(average ? "avgpool" : "maxpool", [x.Layer], new TensorShape(x.Shape.Channels, oh, ow), kh, kw, stride, padding);
        }

        /// <summary>Stride, symmetric padding and output size of a 2-D window. ONNX's pads are [top, left, bottom, right];
        /// unequal begin and end pads are accepted when they give the same windows as the begin pad on both sides.</summary>
        private (int Stride, int Padding, int Height, int Width) Window(TensorShape x, int kh, int kw, long[]? extra = null)
        {
            var strides = Attribute("strides")?.Ints ?? [1, 1];
            if (strides.Count != 2 || strides[0] != strides[1] || strides[0] < 1)
            {
                throw NodeError($"strides [{string.Join(", ", strides)}] are not supported; expected one stride for both axes");
            }

            var stride = (int)strides[0];
            var autoPad = Attribute("auto_pad")?.S ?? "NOTSET";
            long[] pads = autoPad switch
            {
                "NOTSET" or "" => [.. Attribute("pads")?.Ints ?? [0, 0, 0, 0]],
                "VALID" => [0, 0, 0, 0],
                "SAME_UPPER" or "SAME_LOWER" => SamePads(x, kh, kw, stride, autoPad == "SAME_UPPER"),
                _ => throw NodeError($"auto_pad '{autoPad}' is not supported"),
            };
            if (pads.Length != 4)
            {
                throw NodeError($"pads [{string.Join(", ", pads)}] are not 2-D pads [top, left, bottom, right]");
            }

            if (extra is not null)
            {
                pads = [.. pads.Zip(extra, (a, b) => a + b)];
                _notes.Add($"node '{_node.Name}': the Pad before it merged into its pads, now [{string.Join(", ", pads)}]");
            }

            static int Out(long size, long begin, long end, int k, int s) => (int)Math.Floor((size + begin + end - k) / (double)s) + 1;
            var oh = Out(x.Height, pads[0], pads[2], kh, stride);
            var ow = Out(x.Width, pads[1], pads[3], kw, stride);
            var symmetric = pads[0] == pads[2] && pads[1] == pads[3];
            if (pads[0] != pads[1] || pads.Any(p => p < 0)
                || Out(x.Height, pads[0], pads[0], kh, stride) != oh || Out(x.Width, pads[1], pads[1], kw, stride) != ow)
            {
                throw NodeError($"pads [{string.Join(", ", pads)}] are not supported: the workload pads every side by one amount, and these pads give other windows than that");
            }

            if (oh < 1 || ow < 1)
            {
                throw NodeError($"a {kh}x{kw} window does not fit the {x.Height}x{x.Width} input");
            }

            if (!symmetric)
            {
                _notes.Add($"node '{_node.Name}': pads [{string.Join(", ", pads)}] give the same windows as padding {pads[0]} on every side");
            }

            return (stride, (int)pads[0], oh, ow);
        }

        private static long[] SamePads(TensorShape x, int kh, int kw, int stride, bool upper)
        {
            long Total(int size, int k) => Math.Max(0, ((((long)size + stride - 1) / stride) - 1) * stride + k - size);
            long th = Total(x.Height, kh), tw = Total(x.Width, kw);
            long Begin(long total) => upper ? total / 2 : total - (total / 2);
            return [Begin(th), Begin(tw), th - Begin(th), tw - Begin(tw)];
        }

        private void CheckKernelShape(int kh, int kw)
        {
            if (Attribute("kernel_shape")?.Ints is { } k && !(k.Count == 2 && k[0] == kh && k[1] == kw))
            {
                throw NodeError($"kernel_shape [{string.Join(", ", k)}] does not match the weight's {kh}x{kw}");
            }
        }

        private void RequireOnes(string attribute, string message)
        {
            if (Attribute(attribute)?.Ints is { } values && values.Any(v => v != 1))
            {
                throw NodeError($"{attribute} [{string.Join(", ", values)}]: {message}");
            }
        }
    }
}
