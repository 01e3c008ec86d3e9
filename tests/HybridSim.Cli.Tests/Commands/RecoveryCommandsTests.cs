using System.Diagnostics;
using System.Text.Json;

namespace HybridSim.Cli.Tests.Commands;

/// <summary><c>recover</c> and the accuracy sweeps: what they write, that <c>evaluate</c> reproduces a recovered chip, resume after a kill.</summary>
public sealed class RecoveryCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Weights => Path.Combine(CliHarness.Root, "weights", "cnn-digits.npz");

    private static string[] Sweep(string arch, string output, params string[] more) =>
        ["sweep", "freeze", "--arch", CliHarness.Arch(arch), "--workload", CliHarness.Workload("cnn-digits.yaml"), "--weights", Weights, "--data", "digits",
            "--recover", "retrain", "--instances", "2", "--epochs", "2", "--jobs", "1", "--out", output, .. more];

    [Fact]
    public void The_committed_digits_cnn_weights_are_what_the_readme_train_command_writes()
    {
        var fresh = _dir.Sub("cnn.npz");
        var (code, _, err) = CliHarness.Invoke("train", "--workload", "cnn-digits", "--data", "digits", "--out", fresh);
        Assert.True(code == 0, err);
        Assert.Equal(File.ReadAllBytes(Weights), File.ReadAllBytes(fresh));
    }

    [Fact]
    public void Recover_writes_its_report_and_each_chips_weights_which_evaluate_reproduces()
    {
        var (code, output, err) = CliHarness.Invoke("recover", "--arch", CliHarness.Arch("hyperx-128-8b.yaml"), "--workload", "cnn-digits", "--weights", Weights,
            "--data", "digits", "--freeze", "2", "--recover", "retrain", "--epochs", "2", "--instances", "2", "--path", "fast", "--out", _dir.Sub("r"));
        Assert.True(code == 0, err);
        Assert.Contains("before recovery", output, StringComparison.Ordinal);
        Assert.Contains("after recovery", output, StringComparison.Ordinal);
        using var recovery = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir.Sub("r"), "recovery.json")));
        var root = recovery.RootElement;
        Assert.Equal("retrain", root.GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("after_algorithm1").ValueKind);
        Assert.Equal(["instance-0.npz", "instance-1.npz"], root.GetProperty("weights").EnumerateArray().Select(e => e.GetString()));
        var chip1 = root.GetProperty("after").GetProperty("per_instance")[1].GetDouble();

        (code, _, err) = CliHarness.Invoke("evaluate", "--arch", CliHarness.Arch("hyperx-128-8b.yaml"), "--workload", "cnn-digits",
            "--weights", Path.Combine(_dir.Sub("r"), "instance-1.npz"), "--data", "digits", "--freeze", "2", "--instance", "1", "--path", "fast", "--out", _dir.Sub("e"));
        Assert.True(code == 0, err);
        using var evaluation = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir.Sub("e"), "accuracy.json")));
        Assert.Equal(chip1, evaluation.RootElement.GetProperty("accuracy").GetDouble());
    }

    [Fact]
    public void A_fast_sweep_records_the_path_check_and_notes_the_points_far_from_the_exact_path()
    {
        var (code, _, err) = CliHarness.Invoke("sweep", "freeze", "--arch", CliHarness.Arch("hyperx-128-8b.yaml"), "--workload", CliHarness.Workload("cnn-digits.yaml"),
            "--weights", Weights, "--data", "digits", "--path", "fast", "--limit", "100", "--jobs", "1", "--out", _dir.Sub("fast"));

        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(Path.Combine(_dir.Sub("fast"), "sweep.csv"));
        var header = lines[0].Split(',');
        Assert.Contains("path_check_exact_accuracy", header);
        Assert.Contains("path_check_fast_accuracy", header);

        // freeze-3 (all three layers on RRAM; conv2's 16-row blocks) is far from the exact path; freeze-0 has no analog matrix to check.
        Assert.Contains("note: hyperx-128-8b.yaml freeze-3: the fast path scores ", err, StringComparison.Ordinal);
        Assert.DoesNotContain("freeze-0: the fast path", err, StringComparison.Ordinal);
        var freeze0 = lines.Skip(1).Select(l => l.Split(',')).Single(r => r[Array.IndexOf(header, "freeze")] == "0");
        Assert.Equal("", freeze0[Array.IndexOf(header, "path_check_exact_accuracy")]);
    }

    [Theory]
    [InlineData("--recover", "retrain")]
    [InlineData("--instances", "3")]
    [InlineData("--max-accuracy-drop", "1")]
    public void Accuracy_options_without_weights_and_data_are_a_usage_error(string option, string value)
    {
        var (code, _, err) = CliHarness.Invoke("sweep", "freeze", "--arch", CliHarness.Arch("hyperx-64-8b.yaml"), "--workload", "cnn-digits", option, value, "--out", _dir.Sub("s"));
        Assert.Equal(2, code);
        Assert.Contains("needs both --weights and --data", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_that_does_not_fit_the_partition_is_exit_1_naming_the_alternative()
    {
        var (code, _, err) = CliHarness.Invoke("recover", "--arch", CliHarness.Arch("lobranch-3d.yaml"), "--workload", "cnn-digits", "--weights", Weights,
            "--data", "digits", "--rank", "2", "--recover", "retrain", "--out", _dir.Sub("r"));
        Assert.Equal(1, code);
        Assert.Contains("use --recover lobranch, alg1 or alg2", err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_accuracy_sweep_killed_midway_resumes_to_the_table_of_an_uninterrupted_run()
    {
        var killed = _dir.Sub("killed");
        var points = Path.Combine(killed, "points");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "hybridsim.dll"), .. Sweep("hyperx-64-16b.yaml", killed)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using (var process = Process.Start(start)!)
        {
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var clock = Stopwatch.StartNew();
            while (!(Directory.Exists(points) && Directory.GetFiles(points, "*.json").Length >= 1) && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(5))
            {
                Thread.Sleep(20);
            }

            Assert.False(process.HasExited, "the sweep finished before it could be killed");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        var finished = Directory.GetFiles(points, "*.json").Length;
        Assert.InRange(finished, 1, 3);
        Assert.False(File.Exists(Path.Combine(killed, "sweep.csv")));

        var (code, output, err) = CliHarness.Invoke(Sweep("hyperx-64-16b.yaml", killed));
        Assert.True(code == 0, err);
        Assert.Contains($"({finished} already finished, reused)", output, StringComparison.Ordinal);
        (code, _, err) = CliHarness.Invoke(Sweep("hyperx-64-16b.yaml", _dir.Sub("whole")));
        Assert.True(code == 0, err);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir.Sub("whole"), "sweep.csv")), File.ReadAllBytes(Path.Combine(killed, "sweep.csv")));
        Assert.Contains(",accuracy,", File.ReadAllLines(Path.Combine(killed, "sweep.csv"))[0], StringComparison.Ordinal);
    }
}
