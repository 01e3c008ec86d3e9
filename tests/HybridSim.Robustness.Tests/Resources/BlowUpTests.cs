using System.Diagnostics;
using HybridSim.Compiler.Partitioning;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Resources;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Robustness.Tests.Resources;

/// <summary>Small inputs that ask for huge runs are refused up front with their estimate and the limit (issue 15, sections 2 and 3).</summary>
public sealed class BlowUpTests
{
    /// <summary>Loose bounds, measured here: a refusal is cheap, however large the request.</summary>
    private const double RefusalSeconds = 20;
    private const long RefusalBytes = 1L << 30;

    private static (int Code, string Out, string Err) Measured(params string[] args)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = Cli.Invoke(args);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(clock.Elapsed.TotalSeconds < RefusalSeconds, $"took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(allocated < RefusalBytes, $"allocated {allocated >> 20} MiB");
        return result;
    }

    [Theory]
    [InlineData("wide-conv", "input: [3, 2, 2]\nlayers:\n  - {name: conv1, kind: conv, out_channels: 1000000, kernel: 1}\n", "conv1")]
    [InlineData("big-input", "input: [3, 100000, 100000]\nlayers:\n  - {name: conv1, kind: conv, out_channels: 4, kernel: 3}\n  - {name: gap, kind: global_avgpool}\n  - {name: fc, kind: fc, out_features: 10}\n", "conv1")]
    [InlineData("big-fc", "input: [100000, 1, 1]\nlayers:\n  - {name: flatten, kind: flatten}\n  - {name: fc1, kind: fc, out_features: 100000}\n", "fc1")]
    public void A_huge_workload_is_refused_with_its_estimate_and_the_limit(string name, string body, string layer)
    {
        using var dir = new TempDirectory();
        var workload = dir.File(name + ".yaml", $"name: {name}\n{body}");
        var result = Measured("run", "--arch", Cli.Arch("hyperx-128-16b.yaml"), "--workload", workload, "--freeze", "1");
        Cli.AssertInputError(result, workload, $"layers[{layer}]", "needs an estimated", "more than the");
    }

    [Fact]
    public void Crossbars_one_column_wide_are_refused_for_their_scheduling_work()
    {
        var result = Measured("run", "--arch", Cli.Arch("puma.yaml"), "--workload", Cli.Workload("resnet18-cifar.yaml"),
            "--set", "tiles.analog.core.mvmu.cols=1", "--set", "analog_tiles=auto");
        Cli.AssertInputError(result, "resnet18-cifar.yaml", "scheduling work", "make the MVMUs larger");
    }

    [Theory]
    [InlineData("tiles.analog.cores=1000000000", "tiles.analog.cores", "from 1 to 1024")]
    [InlineData("tiles.analog.shared_memory_ports=1000000000", "tiles.analog.shared_memory_ports", "from 1 to 64")]
    public void Huge_counts_are_bounded_by_the_schema(string set, string field, string range)
    {
        var result = Measured("run", "--arch", Cli.Arch("puma.yaml"), "--workload", Cli.Workload("mlp-digits.yaml"), "--set", set);
        Cli.AssertInputError(result, "--set:1:", field, range);
    }

    [Fact]
    public void A_huge_batch_is_refused_naming_the_option_and_the_limit()
    {
        var result = Measured("run", "--arch", Cli.Arch("puma.yaml"), "--workload", Cli.Workload("mlp-digits.yaml"), "--batch", "2147483647");
        Cli.AssertInputError(result, "--batch", "from 1 to 100000");
    }

    [Fact]
    public void A_run_larger_than_the_memory_available_is_refused_with_the_estimate()
    {
        var architecture = ArchitectureLoader.Load(Cli.Arch("puma.yaml"));
        var workload = WorkloadLoader.Load(Cli.Workload("resnet20-cifar.yaml"));
        var footprint = RunFootprint.Estimate(architecture, workload);
        Assert.True(footprint.Bytes > 1 << 20);
        RunFootprint.Check(architecture, workload, availableBytes: footprint.Bytes);
        var e = Assert.Throws<SpecException>(() => RunFootprint.Check(architecture, workload, availableBytes: footprint.Bytes / 2));
        var message = Assert.Single(e.Errors).ToString();
        Assert.Contains("resnet20-cifar.yaml", message);
        Assert.Contains("this machine can give it", message);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{footprint.Instructions:N0} instructions"), message);
    }

    [Fact]
    public void The_estimate_counts_mvmu_blocks_as_the_compiler_cuts_them()
    {
        // mlp-digits on puma (128x128 crossbars): fc 64->128, 128->64, 64->10 are one block each, one operation each.
        var footprint = RunFootprint.Estimate(ArchitectureLoader.Load(Cli.Arch("puma.yaml")), WorkloadLoader.Load(Cli.Workload("mlp-digits.yaml")));
        Assert.Equal(3, footprint.MvmuBlocks);
        Assert.Equal(3, footprint.MvmuOperations);
    }

    /// <summary>Per-layer placements of a partition, as the compiler hands them to the estimate.</summary>
    private static (TileKind Placement, int BranchRank)?[] Placements(ArchitectureSpec architecture, WorkloadSpec workload, PartitionSpec partition) =>
        [.. PartitionPlanner.Plan(architecture, workload, partition).Select(p => p is null ? ((TileKind, int)?)null : (p.Placement, p.BranchRank))];

    /// <summary>Every shipped workload at the partitions the shipped figures and tests use, on every shipped architecture it fits.</summary>
    [Fact]
    public void The_shipped_workloads_are_within_every_limit()
    {
        var checkedPoints = 0;
        foreach (var arch in Directory.EnumerateFiles(Path.Combine(Cli.Root, "arch"), "*.yaml"))
        {
            var architecture = ArchitectureLoader.Load(arch);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Cli.Root, "workloads"), "*.yaml"))
            {
                var workload = WorkloadLoader.Load(file);
                var partitions = new List<PartitionSpec>();
                if (architecture.AnalogTile is not null && architecture.DigitalTile is not null)
                {
                    partitions.Add(PartitionSpec.Freeze(0));
                    partitions.Add(PartitionSpec.Freeze(workload.WeightLayerCount));
                    partitions.Add(PartitionSpec.Rank(16));
                }
                else if (architecture.AnalogTile is not null)
                {
                    partitions.Add(PartitionSpec.Freeze(workload.WeightLayerCount));
                }
                else
                {
                    partitions.Add(PartitionSpec.Freeze(0));
                }

                foreach (var partition in partitions)
                {
                    RunFootprint.Check(architecture, workload, Placements(architecture, workload, partition), availableBytes: 8L << 30);
                    checkedPoints++;
                }
            }
        }

        Assert.True(checkedPoints > 50, $"{checkedPoints} points checked");
    }
}
