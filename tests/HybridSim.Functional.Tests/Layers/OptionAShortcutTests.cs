using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Layers;

/// <summary>
/// ResNet-20 with PyTorch's option-A shortcuts against PyTorch's own logits. The fixture (Fixtures/resnet20-option-a,
/// made by make_fixture.py there with PyTorch 1.13) holds a randomly initialised standard CIFAR ResNet-20 whose
/// shortcuts are <c>F.pad(x[:, :, ::2, ::2], (0, 0, 0, 0, p, p))</c>, its logits on 4 inputs, and the logits of the
/// same weights with the zeros after the shortcut's channels (<c>torch.cat</c>).
/// </summary>
public sealed class OptionAShortcutTests
{
    private static readonly string Fixture = Path.Combine(RepositoryPaths.Root, "tests", "HybridSim.Functional.Tests", "Fixtures", "resnet20-option-a");

    [Theory]
    [InlineData("symmetric", "logits")]
    [InlineData("end", "logits_end")]
    [InlineData("true", "logits_end")]
    public void ResNet20_with_each_placement_matches_the_pytorch_code_it_names(string placement, string expectedName)
    {
        var (logits, expected) = Run(placement, expectedName);

        Assert.Equal(expected.Data.Length, logits.Data.Length);
        var scale = expected.Data.Max(MathF.Abs);
        for (var i = 0; i < logits.Data.Length; i++)
        {
            Assert.True(MathF.Abs(logits.Data[i] - expected.Data[i]) <= 1e-5f * scale, $"logit {i}: {logits.Data[i]} against PyTorch's {expected.Data[i]}");
        }
    }

    [Fact]
    public void The_placement_matters_for_these_weights()
    {
        // end on weights trained with symmetric padding loads without error and gives other logits: the key is not decoration.
        var (logits, expected) = Run("end", "logits");

        var largest = logits.Data.Zip(expected.Data, (a, b) => MathF.Abs(a - b)).Max();
        Assert.True(largest > 0.1f, $"largest difference {largest}");
    }

    private static (Tensor Logits, NamedArray Expected) Run(string placement, string expectedName)
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "workloads", "resnet20-cifar.yaml"))
            .Replace("pad_shortcut: true", "pad_shortcut: " + placement, StringComparison.Ordinal);
        var network = FunctionalNetwork.Create(WorkloadLoader.Parse(yaml, "resnet20-cifar.yaml"));
        var weightsFile = Path.Combine(Fixture, "weights.npz");
        network.LoadWeights(NpzFile.Read(weightsFile), weightsFile);
        var arrays = NpzFile.Read(Path.Combine(Fixture, "logits.npz"));
        var inputs = arrays.Single(a => a.Name == "inputs");
        var x = new Tensor(inputs.Shape[0], inputs.Shape[1], inputs.Shape[2], inputs.Shape[3], inputs.Data);

        return (network.Forward(x, ForwardMode.Inference), arrays.Single(a => a.Name == expectedName));
    }
}
