using System.Text.Json;

namespace HybridSim.Cli.Tests.Commands;

/// <summary><c>run --program</c> and the multi-task switch cost: the weight-programming model end to end.</summary>
public sealed class ProgramWeightsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Run_program_reports_the_hand_computed_cost_of_loading_cnn_digits_freeze_2()
    {
        // hyperx-128-16b, cnn-digits freeze-2: conv1 (9 x 16) and conv2 (144 x 32) on RRAM, 4,752 weights x 8 two-bit
        // cells = 38,016 cells at 8.12 pJ; fc (512 x 10) on SRAM, 5,120 weights x 16 bit cells = 81,920 cells at 0.01 pJ.
        // Per-offset mapping: conv2's MVMUs hold 16 rows each, written in parallel, 16 x 100 ns = 1,600 ns; the fc's
        // 128-row SRAM blocks take 128 x 1 ns at the same time. Endurance: one write of 10^6 cycles.
        var (code, output, err) = CliHarness.Invoke("run", "--arch", CliHarness.Arch("hyperx-128-16b.yaml"), "--workload", "cnn-digits",
            "--freeze", "2", "--program", "--out", _dir.Sub("p"));
        Assert.True(code == 0, err);
        Assert.Contains("programming energy", output, StringComparison.Ordinal);

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir.Sub("p"), "report.json")));
        var root = report.RootElement;
        var rram = root.GetProperty("programming").GetProperty("rram");
        var sram = root.GetProperty("programming").GetProperty("sram");
        Assert.Equal(38_016, rram.GetProperty("cells_written").GetInt64());
        Assert.Equal((9 * 1 * 8) + (9 * 16 * 8), rram.GetProperty("rows_written").GetInt64());
        Assert.Equal(81_920, sram.GetProperty("cells_written").GetInt64());
        Assert.Equal(512, sram.GetProperty("rows_written").GetInt64());
        Assert.Equal((38_016 * 8.12) + (81_920 * 0.01), root.GetProperty("programming_energy_pj").GetDouble(), 6);
        Assert.Equal(1_600, root.GetProperty("programming_latency_ns").GetDouble());
        Assert.Equal(128, sram.GetProperty("latency_ns").GetDouble());
        Assert.Equal(1e-6, root.GetProperty("endurance_used").GetDouble());
    }

    [Fact]
    public void Without_program_the_report_has_no_programming_fields()
    {
        var (code, _, err) = CliHarness.Invoke("run", "--arch", CliHarness.Arch("hyperx-128-16b.yaml"), "--workload", "cnn-digits",
            "--freeze", "2", "--out", _dir.Sub("n"));
        Assert.True(code == 0, err);
        var text = File.ReadAllText(Path.Combine(_dir.Sub("n"), "report.json"));
        Assert.DoesNotContain("programming", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_architecture_without_write_figures_is_exit_1_naming_the_field()
    {
        var arch = _dir.File("nowrite.yaml", $"extends: {CliHarness.Arch("hyperx-128-16b.yaml")}\ntiles:\n  analog:\n    core:\n      mvmu:\n        write: ~\n");
        var (code, _, err) = CliHarness.Invoke("run", "--arch", arch, "--workload", "cnn-digits", "--freeze", "2", "--program");
        Assert.Equal(1, code);
        Assert.Contains("tiles.analog.core.mvmu.write", err, StringComparison.Ordinal);
        Assert.Contains("write figures", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_on_parallel_mvmus_lengthens_programming_as_the_model_says()
    {
        // One MVMU of a core at a time: conv2's 9 MVMUs over 2 cores (6 + 3) take 6 x 16 rows x 100 ns on the first core.
        var (code, _, err) = CliHarness.Invoke("run", "--arch", CliHarness.Arch("hyperx-128-16b.yaml"), "--workload", "cnn-digits",
            "--freeze", "2", "--program", "--set", "tiles.analog.core.mvmu.write.parallel_mvmus=1", "--out", _dir.Sub("one"));
        Assert.True(code == 0, err);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir.Sub("one"), "report.json")));
        Assert.Equal(6 * 16 * 100, report.RootElement.GetProperty("programming").GetProperty("rram").GetProperty("latency_ns").GetDouble());
    }

    [Fact]
    public void The_multitask_report_prices_a_switch_against_rewriting_w_with_the_same_model()
    {
        var (code, output, err) = CliHarness.Invoke("recover", "--arch", CliHarness.Arch("lobranch-3d.yaml"), "--workload", "cnn-digits",
            "--weights", Path.Combine(CliHarness.Root, "weights", "cnn-digits.npz"), "--rank", "4", "--recover", "multitask",
            "--task", "digits@0-4", "--epochs", "1", "--train-limit", "32", "--instances", "1", "--path", "fast", "--out", _dir.Sub("mt"));
        Assert.True(code == 0, err);
        Assert.Contains("rewriting W (RRAM)", output, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir.Sub("mt"), "multitask.json")));
        var root = json.RootElement;
        var task = root.GetProperty("tasks")[0];
        var cost = root.GetProperty("switch_cost");
        // lobranch-3d: 8-bit weights; A and B are 8 SRAM bit cells a weight, W 4 two-bit RRAM cells a weight.
        var branchCells = task.GetProperty("branch_weights_written").GetInt64() * 8;
        var rramCells = task.GetProperty("rram_weights_rewritten").GetInt64() * 4;
        Assert.Equal(branchCells, cost.GetProperty("branch").GetProperty("cells_written").GetInt64());
        Assert.Equal(rramCells, cost.GetProperty("rewrite_w").GetProperty("cells_written").GetInt64());
        Assert.Equal(branchCells * 0.01, task.GetProperty("switch_energy_pj").GetDouble(), 6);
        Assert.Equal(rramCells * 8.12, task.GetProperty("rewrite_w_energy_pj").GetDouble(), 6);
        Assert.Equal(1e-6, task.GetProperty("rewrite_w_endurance_used").GetDouble());
        Assert.True(cost.GetProperty("energy_ratio").GetDouble() > 100);
    }
}
