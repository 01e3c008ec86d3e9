using System.Diagnostics;
using System.Text;

namespace HybridSim.Robustness.Tests.Workloads;

/// <summary>The layer limit is stated as a layer limit (issue 15, section 5).</summary>
public sealed class LayerLimitTests
{
    [Fact]
    public void A_workload_over_the_layer_limit_is_refused_naming_the_limit()
    {
        using var dir = new TempDirectory();
        var sb = new StringBuilder("name: deep\ninput: [1, 8, 8]\nlayers:\n  - {name: flatten, kind: flatten}\n");
        for (var i = 0; i < 100_000; i++)
        {
            sb.Append("  - {name: fc").Append(i).Append(", kind: fc, out_features: 4}\n");
        }

        var workload = dir.File("deep.yaml", sb.ToString());
        var clock = Stopwatch.StartNew();
        var result = Cli.Invoke("validate", "--arch", Cli.Arch("puma.yaml"), "--workload", workload);
        Assert.True(clock.Elapsed.TotalSeconds < 30, $"took {clock.Elapsed.TotalSeconds:F1} s");
        Cli.AssertInputError(result, "deep.yaml:4:", "layers:", "100001 layers, more than the 100000 a workload may have");
        Assert.DoesNotContain("nodes", result.Err);
    }
}
