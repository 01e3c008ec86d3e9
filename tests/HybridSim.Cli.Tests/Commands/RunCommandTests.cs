using HybridSim.Tests;
using System.Collections.Immutable;
using System.CommandLine;
using HybridSim.Cli.Commands;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;
using HybridSim.Pipeline;

namespace HybridSim.Cli.Tests.Commands;

public sealed class RunCommandTests
{
    private static int Invoke(params string[] args)
    {
        var root = new RootCommand { RunCommand.Create() };
        var error = Console.Error;
        Console.SetError(new StringWriter());
        try
        {
            return root.Parse(["run", .. args]).Invoke();
        }
        finally
        {
            Console.SetError(error);
        }
    }

    [Fact]
    public void Freeze_and_rank_together_are_a_usage_error()
    {
        Assert.Equal(2, Invoke("--arch", "a.yaml", "--workload", "w", "--freeze", "3", "--rank", "2"));
    }

    [Fact]
    public void A_set_without_equals_sign_is_a_usage_error()
    {
        Assert.Equal(2, Invoke("--arch", "a.yaml", "--workload", "w", "--set", "clock"));
    }

    [Fact]
    public void Batch_below_one_is_a_usage_error()
    {
        Assert.Equal(2, Invoke("--arch", "a.yaml", "--workload", "w", "--batch", "0"));
    }

    [Fact]
    public void Summary_shows_the_headline_figures_and_the_weight_layers()
    {
        var report = new RunReport(
            "puma", "mlp", new PartitionReport("freeze", 2), 3849, 3849, 1e9, 120_000, 5_000, 125_000, 0.5, 3849e-6 * 0.5,
            ImmutableSortedDictionary<string, double>.Empty.Add("analog.adc", 58_982.4).Add("analog.xbar", 43_520),
            ImmutableSortedDictionary<string, double>.Empty,
            [new LayerReport("fc1", "fc", "analog", 1, 1, 0, 2019, 60_000), new LayerReport("relu", "activation", "none", 0, 0, 0, 0, 0)],
            0, new SimulatorReport(123, 0.01));
        var arch = SpecBuilder.Architecture(null, null, SpecBuilder.Noc(tilesPerNode: 138), name: "puma", sourceFile: "puma.yaml");
        var workload = new WorkloadSpec("mlp", "mlp.yaml", new TensorShape(1, 1, 1), []);
        var outcome = new RunOutcome(report, "", arch, workload, PartitionSpec.Freeze(2), 0);

        var text = RunCommand.Summary(outcome);

        Assert.Contains("puma × mlp (freeze-2)", text, StringComparison.Ordinal);
        Assert.Contains("3,849", text, StringComparison.Ordinal);
        Assert.Contains("3.849 µs", text, StringComparison.Ordinal);
        Assert.Contains("125 nJ", text, StringComparison.Ordinal);
        Assert.Contains("analog.adc", text, StringComparison.Ordinal);
        Assert.Contains("fc1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("relu", text, StringComparison.Ordinal);
    }
}
