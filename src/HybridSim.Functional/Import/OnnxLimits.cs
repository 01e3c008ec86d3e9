using System.Globalization;
using HybridSim.Functional.Network;
using HybridSim.Specs.Input;
using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Import;

/// <summary>
/// The validation pass between reading an ONNX model and converting it (docs/robustness.md, "Limits of the accuracy
/// half"): names short enough to become file and member names, initializers whose dims agree with their data and whose
/// values are finite, and at most <see cref="ModelLimits.MaxParameters"/> weights counted at every use (one initializer
/// shared by 6,500 Gemm nodes is 6,500 copies in the workload).
/// </summary>
internal static class OnnxLimits
{
    /// <summary>Longest node, tensor or graph name: names become layer names and .npz member names.</summary>
    public const int MaxNameLength = 200;

    /// <summary>A folder or special file is reported as such, a missing file as missing, before anything is read.</summary>
    public static void CheckFile(string path)
    {
        InputFile.CheckRegular(path, "", "an ONNX model (.onnx)");
        if (!File.Exists(path))
        {
            throw new SpecException(new SpecError(path, 0, 0, "", "file not found; expected an ONNX model (.onnx)"));
        }
    }

    public static void Check(OnnxModel model, string file)
    {
        SpecException Error(string where, string message) => new(new SpecError(file, 0, 0, where, message));
        static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
        var graph = model.Graph;
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < graph.Initializers.Count; i++)
        {
            var t = graph.Initializers[i];
            var where = $"graph.initializer[{i}]";
            CheckName(t.Name, where, Error);
            long elements = 1;
            foreach (var d in t.Dims)
            {
                if (d < 0)
                {
                    throw Error(where, $"initializer '{Excerpt.Of(t.Name)}' has dimension {d}; expected sizes >= 0");
                }

                elements = d == 0 ? 0 : elements > long.MaxValue / d ? long.MaxValue : elements * d;
            }

            var stored = StoredElements(t);
            if (!t.External && t.DataType is OnnxTensor.Float or OnnxTensor.Int32 or OnnxTensor.Int64 or OnnxTensor.Double && stored != elements)
            {
                throw Error(where, $"initializer '{Excerpt.Of(t.Name)}' declares dims [{string.Join(", ", t.Dims)}] ({N(elements)} values) but holds {N(stored)}; expected its data to match its dims");
            }

            sizes[t.Name] = elements;
            if (t.DataType == OnnxTensor.Float && !t.External && t.FloatValues() is { } values)
            {
                var bad = ModelLimits.FirstOutOfRange(values);
                if (bad >= 0)
                {
                    throw Error(where, "initializer " + ModelLimits.OutOfRangeMessage(t.Name, bad, values[bad]));
                }
            }
        }

        CheckName(graph.Name, "graph.name", Error);
        long total = 0;
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            var node = graph.Nodes[i];
            var where = $"graph.node[{i}]";
            CheckName(node.Name, where, Error);
            foreach (var name in node.Inputs.Concat(node.Outputs))
            {
                CheckName(name, where, Error);
            }

            foreach (var input in node.Inputs)
            {
                if (sizes.TryGetValue(input, out var elements) && node.OpType is not ("Reshape" or "Constant"))
                {
                    total += elements;
                    if (total > ModelLimits.MaxParameters)
                    {
                        throw Error(where, $"node '{Excerpt.Of(node.Name)}' brings the weights, counted at every node that uses them, to {N(total)}; a model may have at most {N(ModelLimits.MaxParameters)}");
                    }
                }
            }
        }
    }

    private static long StoredElements(OnnxTensor t) => !t.RawData.IsEmpty
        ? t.DataType switch
        {
            OnnxTensor.Float or OnnxTensor.Int32 => t.RawData.Length / 4,
            OnnxTensor.Int64 or OnnxTensor.Double => t.RawData.Length / 8,
            _ => t.RawData.Length,
        }
        : t.FloatData.Count + t.Int32Data.Count + t.Int64Data.Count + t.DoubleData.Count;

    private static void CheckName(string name, string where, Func<string, string, SpecException> error)
    {
        if (name.Length > MaxNameLength)
        {
            throw error(where, string.Create(CultureInfo.InvariantCulture,
                $"name '{Excerpt.Of(name)}' is {name.Length} characters long; names may be at most {MaxNameLength}"));
        }

        if (name.Any(char.IsControl))
        {
            throw error(where, $"name '{Excerpt.Of(name)}' holds control characters; expected printable names");
        }
    }
}
