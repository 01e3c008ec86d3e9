using HybridSim.Functional.Evaluation;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Training;
using HybridSim.Specs.Architecture;

namespace HybridSim.Functional.Tests.Evaluation;

/// <summary>"Done when" of the functional model, on the digits MLP trained with the default settings.</summary>
public sealed class AccuracyEvaluatorTests(TrainedDigitsMlp mlp) : IClassFixture<TrainedDigitsMlp>
{
    private static readonly double[] Sigmas = [0.0, 0.3, 1.0, 3.0];

    private static ArchitectureSpec Arch(string file, params string[] sets) => ArchitectureLoader.Load(RepositoryPaths.Arch(file), sets);

    private AccuracyReport Evaluate(ArchitectureSpec arch, PartitionSpec partition, int instances = 1, ulong seed = 1, InferencePath path = InferencePath.Exact) =>
        AccuracyEvaluator.Evaluate(arch, mlp.Network(), partition, mlp.Data, new EvaluationOptions(instances, seed, path, null));

    [Fact]
    public void Default_training_reaches_95_percent_on_the_embedded_digits() =>
        Assert.True(Trainer.Accuracy(mlp.Network(), mlp.Data.Test) >= 0.95, $"test accuracy {Trainer.Accuracy(mlp.Network(), mlp.Data.Test)}");

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void An_ideal_device_with_a_wide_adc_gives_the_quantized_accuracy(int freeze)
    {
        // 9 bits: a 128-row column of 2-bit cells and 1-bit inputs never exceeds 384.
        var arch = Arch("hyperx-128-16b.yaml", "tiles.analog.core.mvmu.device=ideal", "adc_bits=9");
        var report = Evaluate(arch, PartitionSpec.Freeze(freeze));
        Assert.Equal(report.QuantizedAccuracy, report.Accuracy);
        Assert.All(report.Layers, l => Assert.Equal(0, l.OutputErrorRms));
        Assert.Equal(355, report.Samples);
    }

    [Fact]
    public void Accuracy_falls_as_programming_variation_grows()
    {
        var accuracies = Sigmas.Select(sigma =>
            Evaluate(Arch("lobranch-3d.yaml", $"tiles.analog.core.mvmu.device.programming_sigma={sigma.ToString(System.Globalization.CultureInfo.InvariantCulture)}"),
                PartitionSpec.Freeze(3), instances: 3, path: InferencePath.Fast).Accuracy).ToList();
        Assert.True(accuracies[^1] < accuracies[0] - 0.2, string.Join(", ", accuracies));
        for (var i = 1; i < accuracies.Count; i++)
        {
            Assert.True(accuracies[i] <= accuracies[i - 1] + 0.02, string.Join(", ", accuracies));
        }
    }

    [Fact]
    public void Five_instances_report_a_spread_and_an_interval_around_the_mean()
    {
        var report = Evaluate(Arch("hyperx-128-16b.yaml"), PartitionSpec.Freeze(3), instances: 5);
        Assert.Equal(5, report.PerInstance.Length);
        Assert.True(report.AccuracyStd > 0, "five chips of a noisy device should not all score the same");
        Assert.True(report.AccuracyCi95.Low < report.Accuracy && report.Accuracy < report.AccuracyCi95.High);
        Assert.Equal(report.PerInstance.Min(), report.AccuracyMin);
        Assert.Equal(report.PerInstance.Average(), report.Accuracy, 12);
    }

    [Fact]
    public void The_same_seed_reproduces_the_report_byte_for_byte_and_another_seed_does_not()
    {
        var arch = Arch("hyperx-128-8b.yaml");
        var a = AccuracyJson.Serialize(Evaluate(arch, PartitionSpec.Freeze(2), instances: 3, seed: 42));
        var b = AccuracyJson.Serialize(Evaluate(arch, PartitionSpec.Freeze(2), instances: 3, seed: 42));
        var c = AccuracyJson.Serialize(Evaluate(arch, PartitionSpec.Freeze(2), instances: 3, seed: 43));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void All_rram_128_loses_more_than_64()
    {
        var large = Evaluate(Arch("hyperx-128-16b.yaml"), PartitionSpec.Freeze(3), instances: 3).Accuracy;
        var small = Evaluate(Arch("hyperx-64-16b.yaml"), PartitionSpec.Freeze(3), instances: 3).Accuracy;
        var quantized = Evaluate(Arch("hyperx-64-16b.yaml"), PartitionSpec.Freeze(0)).QuantizedAccuracy;
        Assert.True(large < small && large < quantized, $"128x128 {large}, 64x64 {small}, quantized {quantized}");
    }

    [Fact]
    public void Ci95_uses_student_t()
    {
        // Values 0, 1: mean 0.5, sample std 0.7071; t(0.975, 1) = 12.706; half width 12.706 · 0.7071 / √2 = 6.353.
        var (mean, std, ci) = AccuracyEvaluator.Summary([0.0, 1.0]);
        Assert.Equal(0.5, mean);
        Assert.Equal(Math.Sqrt(0.5), std, 12);
        Assert.Equal(0.5 - 6.3531, ci.Low, 3);
    }
}
