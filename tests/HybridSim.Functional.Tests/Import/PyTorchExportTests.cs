using HybridSim.Functional.Import;
using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Import;

/// <summary>
/// Real exporter output: the models of tests/fixtures/onnx/make_fixtures.py as torch.onnx.export (PyTorch 1.13) wrote
/// them, each with the logits PyTorch computed on 4 inputs. Our float network, built from the imported workload and
/// weights, must give the same logits.
/// </summary>
public sealed class PyTorchExportTests
{
    /// <summary>Largest |ours − PyTorch's| allowed, relative to the sample's largest PyTorch logit.</summary>
    private const double Tolerance = 1e-4;

    public static TheoryData<string> Fixtures => new() { "lenet5-view", "mlp-flatten-dropout", "resnet20-opset13", "resnet20-opset17", "zeropad-conv", "adaptive-avgpool" };

    internal static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "onnx", name);

    /// <summary>The imported network's float logits on the fixture's inputs, prepared as the data loader prepares
    /// images for the workload (its dataset block's mean and std).</summary>
    internal static float[] Logits(ImportResult result, Tensor input)
    {
        var workload = WorkloadLoader.Parse(result.WorkloadYaml, "imported.yaml");
        var network = FunctionalNetwork.Create(workload);
        network.LoadWeights(result.Weights, "imported.npz");
        var dataset = workload.Dataset ?? DatasetSpec.None;
        var prepared = input.Clone();
        var plane = input.H * input.W;
        for (var i = 0; i < prepared.Length; i++)
        {
            var channel = i / plane % input.C;
            prepared.Data[i] = (prepared.Data[i] - (float)dataset.MeanOf(channel)) * (float)(1 / dataset.StdOf(channel));
        }

        var shape = workload.InputShape;
        return network.Forward(prepared.Reshape(input.N, shape.Channels, shape.Height, shape.Width), ForwardMode.Inference).Data;
    }

    internal static (Tensor Input, NamedArray Logits) Io(string name)
    {
        var io = NpzFile.Read(Fixture(name + ".npz")).ToDictionary(a => a.Name);
        var x = io["input"];
        return (new Tensor(x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3], x.Data), io["logits"]);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Exporter_fixture_imports_and_gives_the_exporters_logits(string name)
    {
        var result = OnnxImporter.Import(Fixture(name + ".onnx"), name);
        var (input, expected) = Io(name);

        var logits = Logits(result, input);

        Assert.Equal(expected.Data.Length, logits.Length);
        var classes = expected.Shape[1];
        for (var n = 0; n < expected.Shape[0]; n++)
        {
            var scale = Enumerable.Range(0, classes).Max(k => Math.Abs(expected.Data[(n * classes) + k]));
            for (var k = 0; k < classes; k++)
            {
                var i = (n * classes) + k;
                Assert.True(Math.Abs(logits[i] - expected.Data[i]) <= Tolerance * scale,
                    $"{name}: sample {n} logit {k}: ours {logits[i]}, PyTorch {expected.Data[i]} (allowed {Tolerance * scale})");
            }
        }
    }

    [Fact]
    public void LeNet5_with_view_folds_the_shape_arithmetic_keeps_PyTorchs_names_and_moves_the_normalization_to_the_dataset_block()
    {
        var result = OnnxImporter.Import(Fixture("lenet5-view.onnx"), "lenet");
        var workload = WorkloadLoader.Parse(result.WorkloadYaml, "lenet.yaml");

        Assert.Contains("dataset: {mean: [0.286], std: [0.353]}\n", result.WorkloadYaml, StringComparison.Ordinal);
        Assert.Equal(["conv1", "conv2", "fc1", "fc2", "fc3"], workload.Layers.Where(l => l.Kind is LayerKind.Conv or LayerKind.Fc).Select(l => l.Name));
        Assert.Equal(
            ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"],
            result.Weights.Select(w => w.Name));
        Assert.Single(workload.Layers, l => l.Kind == LayerKind.Flatten);
    }

    [Fact]
    public void ResNet20_finds_its_two_projection_shortcuts_and_AdaptiveAvgPool_net_keeps_its_grouped_conv()
    {
        var resnet = WorkloadLoader.Parse(OnnxImporter.Import(Fixture("resnet20-opset17.onnx"), "r").WorkloadYaml, "r.yaml");
        var adaptive = OnnxImporter.Import(Fixture("adaptive-avgpool.onnx"), "a");

        Assert.Equal(2, resnet.Layers.Count(l => l.IsProjection));
        Assert.Equal(20, resnet.WeightLayerCount);
        Assert.Contains("{name: conv2, kind: conv, out_channels: 32, kernel: 3, stride: 2, padding: 1, groups: 4, bias: true}", adaptive.WorkloadYaml, StringComparison.Ordinal);
        Assert.Contains(adaptive.Notes, n => n.Contains("Mul by a constant folded into conv2", StringComparison.Ordinal));
        Assert.Contains(adaptive.Notes, n => n.Contains("Add by a constant folded into conv2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ZeroPad2d_that_fits_one_padding_merges_into_the_conv_and_one_that_does_not_is_an_error_naming_the_conv()
    {
        var ok = OnnxImporter.Import(Fixture("zeropad-conv.onnx"), "z");
        var e = Assert.Throws<SpecException>(() => OnnxImporter.Import(Fixture("zeropad-conv-refused.onnx"), "z"));

        Assert.Contains("kind: conv, out_channels: 8, kernel: 3, stride: 2, padding: 1", ok.WorkloadYaml, StringComparison.Ordinal);
        Assert.Contains(ok.Notes, n => n.Contains("the Pad before it merged into its pads, now [1, 1, 2, 2]", StringComparison.Ordinal));
        Assert.Contains("node '/conv/Conv' (op Conv): pads [0, 0, 1, 1] are not supported", e.Message, StringComparison.Ordinal);
    }
}
