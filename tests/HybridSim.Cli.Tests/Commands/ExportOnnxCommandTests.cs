using HybridSim.Functional.Data;
using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Workloads;

namespace HybridSim.Cli.Tests.Commands;

/// <summary>docs/pytorch.md's commands: import a PyTorch export, export it back, import that; infer --path float.</summary>
public sealed class ExportOnnxCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Fixture(string name) => Path.Combine(CliHarness.Root, "tests", "fixtures", "onnx", name);

    [Fact]
    public void Import_export_onnx_import_gives_the_same_weights_file_and_layers()
    {
        var (c1, _, e1) = CliHarness.Invoke("import", Fixture("lenet5-view.onnx"), "--out", _dir.Sub("lenet.yaml"), "--weights", _dir.Sub("lenet.npz"));
        var (c2, out2, e2) = CliHarness.Invoke("export-onnx", "--workload", _dir.Sub("lenet.yaml"), "--weights", _dir.Sub("lenet.npz"), "--out", _dir.Sub("back.onnx"));
        var (c3, _, e3) = CliHarness.Invoke("import", _dir.Sub("back.onnx"), "--out", _dir.Sub("lenet2.yaml"), "--weights", _dir.Sub("lenet2.npz"));

        Assert.True(c1 == 0, e1);
        Assert.True(c2 == 0, e2);
        Assert.True(c3 == 0, e3);
        Assert.Contains("(ONNX opset 13)", out2, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(_dir.Sub("lenet.npz")), File.ReadAllBytes(_dir.Sub("lenet2.npz")));
        static string Body(string path) => string.Join("\n", File.ReadAllLines(path).Where(l => !l.StartsWith('#') && !l.StartsWith("name:", StringComparison.Ordinal)));
        Assert.Equal(Body(_dir.Sub("lenet.yaml")), Body(_dir.Sub("lenet2.yaml")));
    }

    [Fact]
    public void Export_onnx_of_weights_that_do_not_fit_is_exit_1_naming_the_file_and_tensor_and_writes_nothing()
    {
        var out1 = _dir.Sub("x.onnx");
        var (code, _, err) = CliHarness.Invoke("export-onnx", "--workload", CliHarness.Workload("cnn-digits.yaml"),
            "--weights", _dir.File("mlp.npz", File.ReadAllBytes(Path.Combine(CliHarness.Root, "tests", "fixtures", "onnx", "mlp-flatten-dropout.npz"))), "--out", out1);

        Assert.Equal(1, code);
        Assert.Contains("mlp.npz", err, StringComparison.Ordinal);
        Assert.Contains("conv1.weight", err, StringComparison.Ordinal);
        Assert.False(File.Exists(out1));
    }

    [Fact]
    public void Infer_path_float_writes_the_float_networks_logits_without_a_partition()
    {
        var weights = Path.Combine(CliHarness.Root, "weights", "cnn-digits.npz");
        var logits = _dir.Sub("float.npy");
        var (code, output, err) = CliHarness.Invoke("infer", "--arch", CliHarness.Arch("hyperx-128-16b.yaml"), "--workload", CliHarness.Workload("cnn-digits.yaml"),
            "--weights", weights, "--data", "digits", "--limit", "5", "--path", "float", "--out", logits);

        Assert.True(code == 0, err);
        Assert.Contains("5 x 10 logits (float path)", output, StringComparison.Ordinal);
        var workload = WorkloadLoader.Load(CliHarness.Workload("cnn-digits.yaml"));
        var network = FunctionalNetwork.Create(workload);
        network.LoadWeights(NpzFile.Read(weights), weights);
        var test = DatasetLoader.Load("digits", workload).Test.Take(5);
        var expected = network.Forward(new Tensor(5, test.Channels, test.Height, test.Width, test.Images), ForwardMode.Inference).Data;
        using var file = File.OpenRead(logits);
        Assert.Equal(expected, NpyFile.Read(file, "logits", logits).Data);
    }
}
