using System.Text.RegularExpressions;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Architecture;
using HybridSim.Pipeline;

namespace HybridSim.Pipeline.Tests;

/// <summary>The whole pipeline (load, compile, simulate, measure) on the real networks: no point deadlocks.</summary>
public sealed partial class EndToEndRunTests
{
    private static readonly string Root = RepositoryPaths.Root;

    public static TheoryData<int> Resnet20FreezePoints => [.. Enumerable.Range(0, 21)];

    public static TheoryData<int> Resnet18Ranks => [.. Enumerable.Range(1, 16)];

    public static TheoryData<int> Resnet18FreezePoints => [.. Enumerable.Range(0, 19)];

    // ResNet-20's 64 x 10 fc has min(in, out) = 10 (a larger rank clamps it, PartitionPlannerTests).
    public static TheoryData<int> Resnet20Ranks => [.. Enumerable.Range(1, 10)];

    [Theory]
    [MemberData(nameof(Resnet20FreezePoints))]
    public void Resnet20_runs_at_every_freeze_point(int x)
    {
        var report = Run("hyperx-128-16b.yaml", "resnet20-cifar", PartitionSpec.Freeze(x)).Report;

        Assert.True(report.Cycles > 0);
        var weights = report.Layers.Where(l => l.Kind is "conv" or "fc").ToList();
        Assert.Equal(20, weights.Count);
        Assert.Equal(x, weights.Count(l => l.Placement == "analog"));
    }

    [Theory]
    [MemberData(nameof(Resnet18Ranks))]
    public void Resnet18_runs_at_ranks_1_to_16(int r)
    {
        // The CIFAR ResNet-18's 512 x 10 fc has min(in, out) = 10: above rank 10 it gets its full-rank branch, and says so.
        var report = Run("lobranch-3d.yaml", "resnet18-cifar", PartitionSpec.Rank(r)).Report;

        Assert.True(report.Cycles > 0);
        Assert.InRange(report.SramWeightFraction, 0.0001, 0.5);
        Assert.Equal(r > 10 ? "fc" : "", string.Join(",", report.Partition.ClampedLayers));
    }

    private static readonly int[] StudyRanks = [0, 1, 2, 4, 8, 16];

    [Fact]
    public void Resnet18_rank_study_area_rises_with_rank_and_rank_4_up_fills_half_the_sram_macros()
    {
        var reports = StudyRanks.Select(r => Run("lobranch-3d.yaml", "resnet18-cifar", PartitionSpec.Rank(r)).Report).ToList();

        for (var i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i].AreaMm2 > reports[i - 1].AreaMm2, $"area at rank {reports[i].Partition.Value} is not above rank {reports[i - 1].Partition.Value}'s");
        }

        Assert.Equal(0, reports[0].SramUtilization);
        Assert.All(reports.Skip(3), r => Assert.InRange(r.SramUtilization, 0.5, 1.0));
    }

    [Theory]
    [MemberData(nameof(Resnet18FreezePoints))]
    public void Resnet18_runs_at_every_freeze_point(int x)
    {
        var report = Run("hyperx-64-8b.yaml", "resnet18-cifar", PartitionSpec.Freeze(x)).Report;

        Assert.True(report.Cycles > 0);
        Assert.Equal(x, report.Layers.Count(l => l.Kind is "conv" or "fc" && l.Placement == "analog" && !l.Name.Contains("downsample", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Resnet20Ranks))]
    public void Resnet20_runs_at_ranks_1_to_10(int r)
    {
        var report = Run("lobranch-3d.yaml", "resnet20-cifar", PartitionSpec.Rank(r)).Report;

        Assert.True(report.Cycles > 0);
        Assert.InRange(report.SramWeightFraction, 0.0001, 0.6);
    }

    [Fact]
    public void Resnet18_on_224_input_runs_all_rram_on_puma()
    {
        var outcome = Run("puma.yaml", "resnet18-imagenet", PartitionSpec.Freeze(18));

        Assert.True(outcome.Report.Cycles > 0);
        Assert.Equal(0, outcome.Report.SramWeightFraction);
    }

    [Fact]
    public void An_architecture_partition_that_does_not_fit_the_workload_is_an_error_naming_the_file()
    {
        var request = new RunRequest(Path.Combine(Root, "arch", "hyperx-64-8b.yaml"), [], Path.Combine(Root, "workloads", "vgg16-cifar.yaml"), null);

        var e = Assert.Throws<HybridSim.Specs.Validation.SpecException>(() => RunPipeline.Run(request));

        Assert.Contains("hyperx-64-8b.yaml: partition:", e.Message, StringComparison.Ordinal);
        Assert.Contains("freeze-19", e.Message, StringComparison.Ordinal);
        Assert.Contains("16 weight layers", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_runs_of_the_same_point_give_identical_reports_but_for_wall_time()
    {
        var a = ReportJson.Write(Run("lobranch-3d.yaml", "resnet20-cifar", PartitionSpec.Rank(4)).Report);
        var b = ReportJson.Write(Run("lobranch-3d.yaml", "resnet20-cifar", PartitionSpec.Rank(4)).Report);

        Assert.Equal(WallTime().Replace(a, "\"wall_seconds\": 0"), WallTime().Replace(b, "\"wall_seconds\": 0"));
    }

    private static RunOutcome Run(string arch, string workload, PartitionSpec partition) =>
        RunPipeline.Run(new RunRequest(Path.Combine(Root, "arch", arch), [], Path.Combine(Root, "workloads", workload + ".yaml"), partition));

    [GeneratedRegex("\"wall_seconds\":\\s*[0-9.eE+-]+")]
    private static partial Regex WallTime();
}
