using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Specs.Tests.Workloads;

/// <summary>The optional <c>dataset:</c> block: per-channel mean and std, and zero padding of the input images.</summary>
public sealed class WorkloadDatasetBlockTests
{
    private const string File = "net.yaml";

    private static WorkloadSpec Parse(string dataset, int channels = 3) =>
        WorkloadLoader.Parse(Yaml(dataset, channels), File);

    private static string Yaml(string dataset, int channels) => $"""
        name: n
        input: [{channels}, 8, 8]
        {dataset}
        layers:
          - {"{"}name: c, kind: conv, out_channels: 4, kernel: 1{"}"}
        """;

    private static SpecError Single(string dataset, int channels = 3) =>
        Assert.Single(Assert.Throws<SpecException>(() => Parse(dataset, channels)).Errors);

    [Fact]
    public void Workload_without_a_dataset_block_has_no_dataset_spec()
    {
        var workload = WorkloadLoader.Load("resnet20-cifar");

        Assert.Null(workload.Dataset);
    }

    [Fact]
    public void Dataset_block_gives_mean_std_and_pad_per_channel()
    {
        var dataset = Parse("dataset: {mean: [0.4914, 0.4822, 0.4465], std: [0.247, 0.243, 0.261], pad: 2}").Dataset!;

        Assert.Equal([0.4914, 0.4822, 0.4465], dataset.Mean.ToArray());
        Assert.Equal([0.247, 0.243, 0.261], dataset.Std.ToArray());
        Assert.Equal(2, dataset.Pad);
        Assert.Equal(0.4822, dataset.MeanOf(1));
        Assert.Equal(0.261, dataset.StdOf(2));
    }

    [Fact]
    public void Dataset_block_with_only_pad_leaves_the_pixels_unnormalized()
    {
        var dataset = Parse("dataset: {pad: 2}", channels: 1).Dataset!;

        Assert.Empty(dataset.Mean);
        Assert.Empty(dataset.Std);
        Assert.Equal((0.0, 1.0, 2), (dataset.MeanOf(0), dataset.StdOf(0), dataset.Pad));
    }

    [Fact]
    public void Dataset_block_mean_with_the_wrong_number_of_channels_is_an_error()
    {
        var error = Single("dataset: {mean: [0.5, 0.5], std: [0.25, 0.25, 0.25]}");

        Assert.Equal((File, 3, 17, "dataset.mean"), (error.File, error.Line, error.Column, error.Path));
        Assert.Contains("3 for input 3x8x8", error.Message, StringComparison.Ordinal);
        Assert.Contains("found 2 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dataset_block_std_of_zero_is_an_error()
    {
        var error = Single("dataset: {std: [0]}", channels: 1);

        Assert.Equal("dataset.std[0]", error.Path);
        Assert.Contains("must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dataset_block_non_numeric_mean_is_an_error()
    {
        var error = Single("dataset: {mean: [abc]}", channels: 1);

        Assert.Equal("dataset.mean[0]", error.Path);
        Assert.Contains("expected a number, found 'abc'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dataset_block_negative_pad_is_an_error()
    {
        var error = Single("dataset: {pad: -1}", channels: 1);

        Assert.Equal("dataset.pad", error.Path);
        Assert.Contains("an integer from 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dataset_block_unknown_key_is_an_error_with_a_did_you_mean()
    {
        var error = Single("dataset: {mean: [0.5], stdev: [0.2]}", channels: 1);

        Assert.Equal((3, 24, "dataset.stdev"), (error.Line, error.Column, error.Path));
        Assert.Contains("unknown key 'stdev'", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'std'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dataset_given_as_a_scalar_is_an_error()
    {
        var error = Single("dataset: fashion-mnist", channels: 1);

        Assert.Equal("dataset", error.Path);
        Assert.Contains("expected a mapping with any of mean, std and pad", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelled_dataset_key_at_the_top_is_an_unknown_key_with_a_did_you_mean()
    {
        var error = Single("datset: {pad: 2}", channels: 1);

        Assert.Equal("datset", error.Path);
        Assert.Contains("did you mean 'dataset'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dataset_block_pad_that_leaves_no_image_inside_the_input_is_an_error()
    {
        var error = Single("dataset: {pad: 4}", channels: 1);

        Assert.Equal("dataset.pad", error.Path);
        Assert.Contains("leaves no image inside input 1x8x8", error.Message, StringComparison.Ordinal);
    }
}
