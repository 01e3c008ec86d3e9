using HybridSim.Functional.Data;
using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Tests.Data;

/// <summary>Normalization and zero padding from the workload's <c>dataset:</c> block, and the size check.</summary>
public sealed class DatasetPreparationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Pixels_are_normalized_per_channel_by_mean_and_std_after_scaling()
    {
        // Two channels of 1x1: pixels 8 and 16 of max 16 -> 0.5 and 1.0.
        var path = _dir.File("two.csv", "0,8,16\n");

        var split = DatasetLoader.Load(path, DataFiles.Workload(2, 1, 1, dataset: "dataset: {mean: [0.5, 0.25], std: [0.25, 0.5]}"));

        Assert.Equal([0f, 1.5f], split.Test.Images);
    }

    [Fact]
    public void Padding_is_zero_after_scaling_and_is_normalized_like_a_black_pixel()
    {
        // One 2x2 image of all 1.0, padded by 1 to 4x4, then (x - 0.5) / 0.25: border -2, inside 2.
        var path = _dir.File("pad.csv", "0,4,4,4,4\n");

        var image = DatasetLoader.Load(path, DataFiles.Workload(1, 4, 4, dataset: "dataset: {pad: 1, mean: [0.5], std: [0.25]}")).Test.Image(0).ToArray();

        Assert.Equal(
            [
                -2f, -2f, -2f, -2f,
                -2f, 2f, 2f, -2f,
                -2f, 2f, 2f, -2f,
                -2f, -2f, -2f, -2f,
            ],
            image);
    }

    [Fact]
    public void Padding_fits_28x28_idx_images_to_a_32x32_input()
    {
        _dir.Write("f/t10k-images-idx3-ubyte", DataFiles.IdxImages(1, 28, 28, (_, _, _) => 255));
        _dir.Write("f/t10k-labels-idx1-ubyte", DataFiles.IdxLabels(7));

        var test = DatasetLoader.Load(Path.Combine(_dir.Path, "f"), DataFiles.Workload(1, 32, 32, dataset: "dataset: {pad: 2}")).Test;

        Assert.Equal((32, 32), (test.Height, test.Width));
        var image = test.Image(0);
        Assert.Equal(0f, image[0]);
        Assert.Equal(0f, image[(1 * 32) + 1]);
        Assert.Equal(1f, image[(2 * 32) + 2]);
        Assert.Equal(1f, image[(29 * 32) + 29]);
        Assert.Equal(0f, image[(30 * 32) + 30]);
        Assert.Equal(28 * 28, image.ToArray().Count(v => v == 1f));
    }

    [Fact]
    public void Image_size_that_does_not_fit_the_input_suggests_the_padding_that_would()
    {
        var images = _dir.Write("m/t10k-images-idx3-ubyte", DataFiles.IdxImages(1, 28, 28, (_, _, _) => 1));
        _dir.Write("m/t10k-labels-idx1-ubyte", DataFiles.IdxLabels(0));

        var error = Assert.Single(Assert.Throws<SpecException>(() =>
            DatasetLoader.Load(Path.Combine(_dir.Path, "m"), DataFiles.Workload(1, 32, 32))).Errors);

        Assert.Equal(images, error.File);
        Assert.Contains("images are 1x28x28 but workload 'test-net' takes input 1x32x32; expected 1x32x32 images", error.Message, StringComparison.Ordinal);
        Assert.Contains("give the workload 'dataset: {pad: 2}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_size_check_counts_the_workloads_padding()
    {
        _dir.Write("q/t10k-images-idx3-ubyte", DataFiles.IdxImages(1, 28, 28, (_, _, _) => 1));
        _dir.Write("q/t10k-labels-idx1-ubyte", DataFiles.IdxLabels(0));

        var error = Assert.Single(Assert.Throws<SpecException>(() =>
            DatasetLoader.Load(Path.Combine(_dir.Path, "q"), DataFiles.Workload(1, 28, 28, dataset: "dataset: {pad: 2}"))).Errors);

        Assert.Contains("takes input 1x28x28 with dataset.pad 2; expected 1x24x24 images", error.Message, StringComparison.Ordinal);
    }
}
