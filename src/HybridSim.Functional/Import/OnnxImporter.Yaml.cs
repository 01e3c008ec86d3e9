using System.Globalization;
using System.Text;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Import;

public static partial class OnnxImporter
{
    /// <summary>The workload file's text: a header saying where it came from, input, dataset block, layers.</summary>
    private sealed partial class Conversion
    {
        private string Yaml(string workloadName, TensorShape input, long parameters)
        {
            var inv = CultureInfo.InvariantCulture;
            var sb = new StringBuilder();
            var opset = _model.Opset > 0 ? _model.Opset.ToString(inv) : "unknown";
            var producer = _model.ProducerName.Length > 0 ? $", produced by {OneLine(_model.ProducerName)}" : "";
            sb.Append(inv, $"# Imported by 'hybridsim import' from {OneLine(Path.GetFileName(file))} (ONNX opset {opset}{producer}).\n");
            var projections = _layers.Count(l => l.ShortcutOf is not null);
            var positions = _layers.Count(l => l.Kind is "conv" or "fc") - projections;
            sb.Append(inv, $"# {_layers.Count} layers, {positions} weight layers (freeze-x positions){(projections > 0 ? $" + {projections} projection shortcuts" : "")}.\n");
            sb.Append(inv, $"# Parameters: {parameters.ToString("N0", inv)} (conv and fc weights and biases, batch-norm scale and shift).\n");
            sb.Append(inv, $"name: {workloadName}\n");
            sb.Append(input.Height == 1 && input.Width == 1 && _layers.FirstOrDefault()?.Kind == "fc"
                ? string.Create(inv, $"input: [{input.Channels}, 1, 1]\n")
                : string.Create(inv, $"input: [{input.Channels}, {input.Height}, {input.Width}]   # channels, height, width\n"));
            sb.Append(DatasetBlock.Yaml(Dataset()));
            sb.Append("layers:\n");
            string? previous = null;
            foreach (var layer in _layers)
            {
                sb.Append(layer.Yaml(previous));
                previous = layer.Name;
            }

            return sb.ToString();
        }

        /// <summary>What the model did to its input before the first layer, as the workload's dataset block.</summary>
        private DatasetSpec Dataset() => _inputMean is null || _inputStd is null ? DatasetSpec.None
            : new DatasetSpec([.. _inputMean], [.. _inputStd], 0);

        private static string OneLine(string text) => text.ReplaceLineEndings(" ");
    }
}
