using HybridSim.Functional.Data;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Data;

/// <summary>The embedded digits set (data/digits/README.md) and its fixed split.</summary>
public sealed class DigitsDataTests
{
    private static readonly WorkloadSpec Mlp = WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", "mlp-digits.yaml"));

    [Fact]
    public void Digits_hold_1797_samples_split_1437_train_and_360_test()
    {
        var split = DatasetLoader.Load("digits", Mlp);

        Assert.Equal(("digits/train", "embedded", 1437), (split.Train!.Name, split.Train.Source, split.Train.Count));
        Assert.Equal(("digits/test", 360), (split.Test.Name, split.Test.Count));
        Assert.Equal((DatasetLoader.DigitsTrainCount, DatasetLoader.DigitsTestCount), (1437, 360));
        Assert.Equal((1, 8, 8, 10), (split.Test.Channels, split.Test.Height, split.Test.Width, split.Test.Classes));
    }

    [Fact]
    public void Digits_pixels_lie_in_0_to_1_with_the_maximum_at_1()
    {
        var split = DatasetLoader.Load("digits", Mlp);
        var all = split.Train!.Images.Concat(split.Test.Images).ToArray();

        Assert.Equal(1f, all.Max());
        Assert.Equal(0f, all.Min());
        Assert.All(all, v => Assert.Equal(0, (v * 16) - MathF.Round(v * 16), 4));
    }

    [Fact]
    public void Digits_first_sample_is_a_zero_as_in_the_uci_file()
    {
        var split = DatasetLoader.Load("digits", Mlp);

        // First row of optdigits.tes: label 0, pixels 0,0,5,13,9,1,0,0, ...
        Assert.Equal(0, split.Train!.Labels[0]);
        Assert.Equal([0f, 0f, 5 / 16f, 13 / 16f, 9 / 16f, 1 / 16f, 0f, 0f], split.Train.Image(0)[..8].ToArray());
    }

    [Fact]
    public void Every_digit_is_in_both_parts_of_the_split()
    {
        var split = DatasetLoader.Load("digits", Mlp);

        Assert.Equal(Enumerable.Range(0, 10), split.Train!.Labels.Distinct().Order());
        Assert.Equal(
            [35, 36, 35, 37, 37, 37, 37, 36, 33, 37],
            Enumerable.Range(0, 10).Select(d => split.Test.Labels.Count(l => l == d)));
    }

    [Fact]
    public void Digits_work_with_the_cnn_digits_workload_too()
    {
        var cnn = WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", "cnn-digits.yaml"));

        Assert.Equal(360, DatasetLoader.Load("digits", cnn).Test.Count);
    }

    [Fact]
    public void Digits_do_not_fit_a_28x28_workload()
    {
        var error = Assert.Single(Assert.Throws<SpecException>(() => DatasetLoader.Load("digits", DataFiles.Workload(1, 28, 28))).Errors);

        Assert.Equal("embedded", error.File);
        Assert.Contains("images are 1x8x8", error.Message, StringComparison.Ordinal);
    }
}
