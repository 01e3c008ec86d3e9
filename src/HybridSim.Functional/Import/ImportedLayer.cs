using System.Globalization;
using System.Text;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Import;

/// <summary>One workload layer being built from ONNX nodes; <see cref="Yaml"/> writes it in the zoo's flow style.</summary>
internal sealed class ImportedLayer(string name, string kind, List<string> inputs, TensorShape output)
{
    public string Name { get; } = name;

    /// <summary>The workload kind: conv, fc, batchnorm, activation, maxpool, avgpool, global_avgpool, add, flatten.</summary>
    public string Kind { get; } = kind;

    public List<string> Inputs { get; } = inputs;

    public TensorShape Output { get; } = output;

    public int KernelHeight { get; init; }

    public int KernelWidth { get; init; }

    public int Stride { get; init; } = 1;

    public int Padding { get; init; }

    public int Groups { get; init; } = 1;

    public bool Bias { get; set; }

    public string? Activation { get; init; }

    public string? ShortcutOf { get; set; }

    public string Yaml(string? previous)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"  - {{name: {Name}, kind: {Kind}");
        var kernel = KernelHeight == KernelWidth
            ? KernelHeight.ToString(inv)
            : string.Create(inv, $"[{KernelHeight}, {KernelWidth}]");
        switch (Kind)
        {
            case "conv":
                sb.Append(inv, $", out_channels: {Output.Channels}, kernel: {kernel}");
                AppendIf(Stride != 1, $", stride: {Stride}");
                AppendIf(Padding != 0, $", padding: {Padding}");
                AppendIf(Groups != 1, $", groups: {Groups}");
                AppendIf(Bias, ", bias: true");
                break;
            case "fc":
                sb.Append(inv, $", out_features: {Output.Channels}");
                AppendIf(!Bias, ", bias: false");
                break;
            case "maxpool" or "avgpool":
                sb.Append(inv, $", kernel: {kernel}, stride: {Stride}");
                AppendIf(Padding != 0, $", padding: {Padding}");
                break;
            case "activation":
                sb.Append(inv, $", activation: {Activation}");
                break;
        }

        if (ShortcutOf is not null)
        {
            sb.Append(inv, $", shortcut_of: {ShortcutOf}");
        }

        var implicitInput = previous ?? "input";
        if (Kind == "add" || Inputs.Count != 1 || Inputs[0] != implicitInput)
        {
            sb.Append(Inputs.Count == 1 ? $", inputs: {Inputs[0]}" : $", inputs: [{string.Join(", ", Inputs)}]");
        }

        sb.Append("}\n");
        return sb.ToString();

        void AppendIf(bool condition, string text)
        {
            if (condition)
            {
                sb.Append(text);
            }
        }
    }
}
