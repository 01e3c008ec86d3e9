using System.Diagnostics;
using HybridSim.Functional.Tests.Import;
using static HybridSim.Robustness.Tests.Accuracy.HostileFiles;
using DataFiles = HybridSim.Functional.Tests.Data.DataFiles;

namespace HybridSim.Robustness.Tests.Accuracy;

/// <summary>Issue 24, cases 10 to 16 and 19: messages blame the right file and say what happened; outputs are checked first; stale temporary files are swept.</summary>
public sealed class AccuracyMessageTests
{
    [Fact]
    public void Case10_a_bad_idx_label_is_blamed_on_the_labels_file()
    {
        using var dir = new TempDirectory();
        var images = dir.File("t10k-images-idx3-ubyte", DataFiles.IdxImages(5, 8, 8, (_, _, _) => 0));
        var labels = dir.File("t10k-labels-idx1-ubyte", DataFiles.IdxLabels(0, 1, 200, 3, 4));
        var result = Measured("evaluate", "--arch", Cli.Arch("hyperx-128-16b.yaml"), "--workload", "cnn-digits", "--weights", ShippedWeights, "--data", dir.Path, "--freeze", "2");
        Cli.AssertInputError(result, labels, "sample 2: label 200 out of range");
        Assert.DoesNotContain(images + ":", result.Err);
    }

    [Fact]
    public void Case10_a_value_set_through_a_file_variable_is_blamed_on_the_file_that_set_it()
    {
        using var dir = new TempDirectory();
        var arch = dir.File("bits.yaml", $"version: 1\nname: bits\nextends: {Cli.Arch("hyperx-128-16b.yaml")}\nvariables:\n  input_bits: abc\n");
        var result = Measured("validate", "--arch", arch);
        Cli.AssertInputError(result, $"{arch}:5:15: tiles.analog.core.mvmu.input_bits: expected an integer from 1 to 32, found 'abc'");
        Assert.DoesNotContain("puma-analog.yaml", result.Err);
    }

    [Fact]
    public void Case11_a_folder_as_weights_or_as_the_onnx_model_is_reported_as_a_folder()
    {
        using var dir = new TempDirectory();
        var folder = dir.Sub("weights.npz");
        Directory.CreateDirectory(folder);
        Cli.AssertInputError(Measured(Evaluate(folder)), folder, "is a directory");
        var model = dir.Sub("model.onnx");
        Directory.CreateDirectory(model);
        Cli.AssertInputError(Measured("import", model, "--out", dir.Sub("m.yaml"), "--weights", dir.Sub("m.npz")), model, "is a directory");
    }

    [Fact]
    public void Case12_import_checks_out_before_writing_the_weights()
    {
        using var dir = new TempDirectory();
        var model = dir.File("ok.onnx", new OnnxTestModel().Input("x", 1, 4).Weight("W", 3, 4)
            .Node("Gemm", "fc", ["x", "W"], ["y"], ("transB", 1L)).Output("y").Bytes());
        var blocker = dir.File("blocker", "a file where a folder should be");
        var result = Measured("import", model, "--out", Path.Combine(blocker, "ok.yaml"), "--weights", dir.Sub("ok.npz"));
        Cli.AssertInputError(result, "--out", "not a folder");
        Assert.False(File.Exists(dir.Sub("ok.npz")), "no stray weights file");
    }

    [Theory]
    [InlineData("--data")]
    [InlineData("--weights")]
    public void Case13_a_sweep_with_unreadable_weights_or_data_fails_before_simulating_any_point(string broken)
    {
        using var dir = new TempDirectory();
        var missing = dir.Sub("missing");
        var weights = broken == "--weights" ? missing : ShippedWeights;
        var data = broken == "--data" ? missing : "digits";
        var output = dir.Sub("sweep");
        var result = Measured("sweep", "freeze", "--arch", Cli.Arch("hyperx-128-16b.yaml"), "--workload", "cnn-digits", "--weights", weights, "--data", data, "--path", "fast", "--out", output);
        Cli.AssertInputError(result, missing);
        Assert.False(Directory.Exists(Path.Combine(output, "points")), "no point was simulated");
    }

    [Fact]
    public void Case15_evaluate_reports_a_clamped_rank_as_run_does()
    {
        var result = Measured("evaluate", "--arch", Cli.Arch("hyperx-128-16b.yaml"), "--workload", "cnn-digits", "--weights", ShippedWeights, "--data", "digits",
            "--rank", "1000000", "--path", "fast", "--limit", "20");
        Assert.True(result.Code == 0, result.Err);
        Assert.Contains("note: rank 1000000 clamped to min(in, out) in conv1, conv2, fc (full-rank branch)", result.Err);
    }

    [Fact]
    public void Case16_max_accuracy_drop_inf_says_what_was_expected()
    {
        using var dir = new TempDirectory();
        var result = Measured("sweep", "freeze", "--arch", Cli.Arch("hyperx-128-16b.yaml"), "--workload", "cnn-digits", "--weights", ShippedWeights, "--data", "digits",
            "--max-accuracy-drop", "inf", "--out", dir.Sub("sweep"));
        Assert.Equal(2, result.Code);
        Assert.Contains("--max-accuracy-drop: 'inf' is not a number", result.Err);
        Assert.DoesNotContain("System.Nullable", result.Err);
    }

    [Fact]
    public void Case19_the_next_write_of_a_target_sweeps_its_stale_temporary_files()
    {
        using var dir = new TempDirectory();
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        gone.WaitForExit();
        var stale = dir.File($"w.npz.tmp-{gone.Id}-{Guid.NewGuid():N}", "left by a killed writer");
        var live = dir.File($"w.npz.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}", "a live writer's");
        var other = dir.File($"other.npz.tmp-{gone.Id}-{Guid.NewGuid():N}", "another target's");
        var odd = dir.File($"w.npz.tmp-{gone.Id}-not-a-guid", "not the pattern");
        var result = Cli.Invoke("train", "--workload", "mlp-digits", "--data", "digits", "--epochs", "1", "--out", dir.Sub("w.npz"));
        Assert.True(result.Code == 0, result.Err);
        Assert.True(File.Exists(dir.Sub("w.npz")));
        Assert.False(File.Exists(stale), "the dead writer's temporary file is swept");
        Assert.True(File.Exists(live), "a live process's temporary file is kept");
        Assert.True(File.Exists(other), "only the same target's files are swept");
        Assert.True(File.Exists(odd), "only names of the pattern are swept");
    }
}
