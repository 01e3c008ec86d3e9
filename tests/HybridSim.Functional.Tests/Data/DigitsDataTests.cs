using HybridSim.Functional.Data;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Data;

/// <summary>The embedded digits set (data/digits/README.md) and its fixed split.</summary>
public sealed class DigitsDataTests
{
    private static readonly WorkloadSpec Mlp = WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", "mlp-digits.yaml"));

    [Fact]
    public void Digits_hold_1797_samples_split_1442_train_and_355_test()
    {
        var split = DatasetLoader.Load("digits", Mlp);

        Assert.Equal(("digits/train", "embedded", 1442), (split.Train!.Name, split.Train.Source, split.Train.Count));
        Assert.Equal(("digits/test", 355), (split.Test.Name, split.Test.Count));
        Assert.Equal((DatasetLoader.DigitsTrainCount, DatasetLoader.DigitsTestCount), (1442, 355));
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
    public void Split_puts_every_fifth_sample_of_each_digit_in_the_test_part()
    {
        var split = DatasetLoader.Load("digits", Mlp);

        Assert.Equal(
            [35, 36, 35, 36, 36, 36, 36, 35, 34, 36],
            Enumerable.Range(0, 10).Select(d => split.Test.Labels.Count(l => l == d)));
        Assert.Equal(
            [143, 146, 142, 147, 145, 146, 145, 144, 140, 144],
            Enumerable.Range(0, 10).Select(d => split.Train!.Labels.Count(l => l == d)));
    }

    [Fact]
    public void Test_mask_takes_the_5th_10th_and_later_fifth_sample_of_each_label_in_file_order()
    {
        int[] labels = [0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0];

        var mask = EmbeddedDigits.TestMask(labels);

        // Label 0 at 0,1,3,4,5,10,...: its 5th is index 5 and its 10th index 14; label 1 at 2,6,7,8,9: its 5th is index 9.
        Assert.Equal([5, 9, 14], Enumerable.Range(0, labels.Length).Where(i => mask[i]));
    }

    [Fact]
    public void First_test_sample_is_file_row_33_the_fifth_five()
    {
        var split = DatasetLoader.Load("digits", Mlp);
        var all = EmbeddedDigits.ReadAll();

        Assert.Equal((5, 5), (split.Test.Labels[0], all.Labels[33]));
        Assert.Equal(all.Images.AsSpan(33 * 64, 64).ToArray(), split.Test.Image(0).ToArray());
    }

    [Fact]
    public void Digits_work_with_the_cnn_digits_workload_too()
    {
        var cnn = WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", "cnn-digits.yaml"));

        Assert.Equal(355, DatasetLoader.Load("digits", cnn).Test.Count);
    }

    [Fact]
    public void Digits_do_not_fit_a_28x28_workload()
    {
        var error = Assert.Single(Assert.Throws<SpecException>(() => DatasetLoader.Load("digits", DataFiles.Workload(1, 28, 28))).Errors);

        Assert.Equal("embedded", error.File);
        Assert.Contains("images are 1x8x8", error.Message, StringComparison.Ordinal);
    }
}
