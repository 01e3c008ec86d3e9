using HybridSim.Functional.Data;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Data;

/// <summary>
/// Fashion-MNIST from Debian's dataset-fashion-mnist (.ci/run installs it). Without the package the test checks the
/// not-installed message instead, so it never depends on the machine and never skips.
/// </summary>
public sealed class FashionMnistDataTests
{
    [Fact]
    public void Fashion_mnist_has_60000_train_and_10000_test_images_of_28x28_or_says_how_to_install_it()
    {
        var lenet = WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", "lenet5-fashion.yaml"));
        if (!File.Exists(Path.Combine(DatasetLoader.FashionMnistFolder, "t10k-images-idx3-ubyte.gz")))
        {
            var error = Assert.Single(Assert.Throws<SpecException>(() => DatasetLoader.Load("fashion-mnist", lenet)).Errors);
            Assert.Contains("sudo apt-get install dataset-fashion-mnist", error.Message, StringComparison.Ordinal);
            return;
        }

        var split = DatasetLoader.Load("fashion-mnist", lenet);

        Assert.Equal(("fashion-mnist/train", 60_000), (split.Train!.Name, split.Train.Count));
        Assert.Equal(("fashion-mnist/test", 10_000), (split.Test.Name, split.Test.Count));
        Assert.Equal((1, 28, 28, 10), (split.Test.Channels, split.Test.Height, split.Test.Width, split.Test.Classes));
        // Normalized with the training set's mean 0.2860 and std 0.3530, the training pixels have mean ~0 and std ~1.
        var mean = split.Train.Images.Average(v => (double)v);
        Assert.InRange(mean, -0.01, 0.01);
        Assert.Equal((float)((0 - 0.2860) / 0.3530), split.Train.Images.Min(), 5);
    }
}
