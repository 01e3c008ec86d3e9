using System.CommandLine;
using HybridSim.Functional.Export;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Output;
using HybridSim.Specs.Workloads;

namespace HybridSim.Cli.Commands;

/// <summary>
/// <c>hybridsim export-onnx --workload W --weights F.npz --out MODEL.onnx</c>: the inverse of <c>import</c>, a trained
/// or recovered network (float) as an ONNX model for PyTorch or ONNX Runtime (docs/pytorch.md).
/// </summary>
public static class ExportOnnxCommand
{
    public static Command Create()
    {
        var workload = new Option<string>("--workload") { Description = "Workload file or bare name", Required = true };
        var weights = new Option<string>("--weights") { Description = "Weights (.npz: trained, or a chip's recovered weights)", Required = true };
        var output = new Option<string>("--out") { Description = "ONNX model to write (.onnx, opset 13)", Required = true };
        var command = new Command("export-onnx", "Write a workload and its float weights as an ONNX model (the inverse of import).")
        {
            workload, weights, output,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(output)!;
            if (OutputTargets.IsEmpty(error, "--out", file))
            {
                return SpecAction.Usage;
            }

            if (Path.GetExtension(file) != ".onnx")
            {
                error.WriteLine($"error: --out must name an .onnx file, got '{file}'");
                return SpecAction.Usage;
            }

            return SpecAction.Run(error, () =>
            {
                OutputTargets.CheckFile("--out", file);
                var spec = WorkloadLoader.Load(parse.GetValue(workload)!);
                var weightsPath = parse.GetValue(weights)!;
                var export = OnnxExporter.Export(spec, NpzFile.Read(weightsPath), weightsPath);
                SafeFile.Write(file, s => s.Write(export.Model));
                var o = parse.InvocationConfiguration.Output;
                o.WriteLine($"exported {spec.Name} ({spec.Layers.Length} layers, {spec.ParameterCount:N0} parameters) -> {file} (ONNX opset {OnnxExporter.Opset})");
                foreach (var note in export.Notes)
                {
                    o.WriteLine("  note: " + note);
                }

                return SpecAction.Ok;
            });
        });
        return command;
    }
}
