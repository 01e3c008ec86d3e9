using HybridSim.Specs.Output;
using System.CommandLine;
using System.Globalization;
using HybridSim.Functional.Import;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Cli.Commands;

/// <summary>
/// <c>hybridsim import MODEL.onnx --out workloads/NAME.yaml --weights NAME.npz [--mean M,... --std S,... --pad P]</c>:
/// turns a trained ONNX model into a workload file (named after the --out file) and its weights, with the input
/// preprocessing as its <c>dataset:</c> block; the workload is loaded before anything is written.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "ONNX model to import (.onnx)" };
        var output = new Option<string>("--out") { Description = "Workload file to write (workloads/NAME.yaml); NAME becomes the workload's name", Required = true };
        var weights = new Option<string>("--weights") { Description = "Weights file to write (.npz, tensor names as in docs/pytorch.md)", Required = true };
        var mean = new Option<string?>("--mean") { Description = "Per-channel mean the model was trained with, on pixels / 255 (e.g. 0.2860, or 0.485,0.456,0.406): written to the workload's dataset: block; else read from the ONNX metadata_props 'mean'" };
        var std = new Option<string?>("--std") { Description = "Per-channel standard deviation, likewise (e.g. 0.3530); else the metadata_props 'std'" };
        var pad = new Option<int?>("--pad") { Description = "Zero pixels the model's input adds on each side of the data's images (e.g. 2 for 28x28 images on a 32x32 input); else the metadata_props 'pad'" };
        var command = new Command("import", "Import a trained ONNX model (CNN or MLP) as a workload file and an .npz of its weights.")
        {
            model, output, weights, mean, std, pad,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var outPath = parse.GetValue(output)!;
            var weightsPath = parse.GetValue(weights)!;
            var name = Path.GetFileNameWithoutExtension(outPath);
            if (Path.GetExtension(outPath) is not (".yaml" or ".yml") || name.Length == 0)
            {
                error.WriteLine($"error: --out must name a workload file NAME.yaml, got '{outPath}'");
                return SpecAction.Usage;
            }

            if (Path.GetExtension(weightsPath) != ".npz")
            {
                error.WriteLine($"error: --weights must name an .npz file, got '{weightsPath}'");
                return SpecAction.Usage;
            }

            var preprocessing = new ImportPreprocessing.Options(parse.GetValue(mean), parse.GetValue(std), parse.GetValue(pad));
            return Execute(parse.GetValue(model)!, outPath, weightsPath, parse.InvocationConfiguration.Output, error, preprocessing);
        });
        return command;
    }

    public static int Execute(string modelPath, string outPath, string weightsPath, TextWriter output, TextWriter error, ImportPreprocessing.Options? preprocessing = null) =>
        SpecAction.Run(error, () =>
        {
            // Both outputs are checked before either is written: a bad --out must not leave a stray .npz behind.
            SafeFile.CheckWritableFile(outPath, "--out");
            SafeFile.CheckWritableFile(weightsPath, "--weights");
            var result = OnnxImporter.Import(modelPath, Path.GetFileNameWithoutExtension(outPath));
            result = ImportPreprocessing.Apply(result, WorkloadLoader.Parse(result.WorkloadYaml, outPath).InputShape, preprocessing ?? ImportPreprocessing.Options.None, modelPath);

            // Load what is about to be written, so a model the schema cannot express leaves no files behind.
            var workload = WorkloadLoader.Parse(result.WorkloadYaml, outPath);
            try
            {
                NpzFile.Write(weightsPath, result.Weights);
                SafeFile.WriteAllText(outPath, result.WorkloadYaml);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine("error: " + e.Message);
                return SpecAction.InvalidInput;
            }

            var inv = CultureInfo.InvariantCulture;
            var projections = workload.Layers.Count(l => l.IsProjection);
            output.WriteLine(string.Create(inv,
                $"imported {Path.GetFileName(modelPath)}: {workload.Layers.Length} layers, {workload.WeightLayerCount} weight layers{(projections > 0 ? $" (+{projections} projections)" : "")}, {workload.ParameterCount.ToString("N0", inv)} parameters -> {outPath}, {weightsPath}"));
            foreach (var note in result.Notes)
            {
                output.WriteLine("  note: " + note);
            }

            return SpecAction.Ok;
        });
}
