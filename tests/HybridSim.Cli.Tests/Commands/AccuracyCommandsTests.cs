using HybridSim.Functional.Data;
using HybridSim.Functional.Network;
using HybridSim.Functional.Training;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Workloads;

namespace HybridSim.Cli.Tests.Commands;

/// <summary><c>train</c>, <c>evaluate</c> and <c>infer</c>: what they write, and exit 1 with the file and field for bad input.</summary>
public sealed class AccuracyCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Trained()
    {
        var weights = _dir.Sub("mlp.npz");
        var (code, _, err) = CliHarness.Invoke("train", "--workload", CliHarness.Workload("mlp-digits.yaml"), "--data", "digits", "--epochs", "2", "--out", weights);
        Assert.True(code == 0, err);
        return weights;
    }

    [Fact]
    public void Train_limit_trains_on_the_first_K_training_samples_and_writes_what_the_library_does_on_them()
    {
        var weights = _dir.Sub("limited.npz");
        var (code, output, err) = CliHarness.Invoke("train", "--workload", "mlp-digits", "--data", "digits", "--epochs", "2", "--train-limit", "100", "--out", weights);
        Assert.True(code == 0, err);
        Assert.Contains("(100 samples, testing on", output, StringComparison.Ordinal);

        // The same training, by hand, on the first 100 samples of the training split.
        var spec = WorkloadLoader.Load("mlp-digits");
        var split = DatasetLoader.Load("digits", spec);
        var options = TrainingOptions.Default with { Epochs = 2 };
        var network = FunctionalNetwork.Create(spec);
        network.Initialize(options.Seed);
        Trainer.Train(network, split.Train!.Take(100), split.Test, options);
        var expected = _dir.Sub("expected.npz");
        NpzFile.Write(expected, network.SaveWeights());
        Assert.Equal(File.ReadAllBytes(expected), File.ReadAllBytes(weights));

        // Fewer samples, other weights: the limit is applied, not ignored.
        var all = _dir.Sub("all.npz");
        Assert.Equal(0, CliHarness.Invoke("train", "--workload", "mlp-digits", "--data", "digits", "--epochs", "2", "--out", all).Code);
        Assert.NotEqual(File.ReadAllBytes(all), File.ReadAllBytes(weights));
        Assert.Equal(2, CliHarness.Invoke("train", "--workload", "mlp-digits", "--data", "digits", "--train-limit", "0", "--out", _dir.Sub("z.npz")).Code);
    }

    private static string[] Evaluate(string weights, string data, params string[] more) =>
        ["evaluate", "--arch", CliHarness.Arch("hyperx-128-8b.yaml"), "--workload", CliHarness.Workload("mlp-digits.yaml"), "--weights", weights, "--data", data, "--freeze", "3", .. more];

    [Fact]
    public void Evaluate_with_the_same_seed_writes_the_same_bytes()
    {
        var weights = Trained();
        Assert.Equal(0, CliHarness.Invoke(Evaluate(weights, "digits", "--instances", "2", "--seed", "5", "--out", _dir.Sub("a"))).Code);
        Assert.Equal(0, CliHarness.Invoke(Evaluate(weights, "digits", "--instances", "2", "--seed", "5", "--out", _dir.Sub("b"))).Code);
        var a = File.ReadAllBytes(Path.Combine(_dir.Sub("a"), "accuracy.json"));
        Assert.Equal(a, File.ReadAllBytes(Path.Combine(_dir.Sub("b"), "accuracy.json")));
        var text = System.Text.Encoding.UTF8.GetString(a);
        foreach (var field in new[] { "architecture", "workload", "partition", "dataset", "samples", "instances", "accuracy", "accuracy_std", "accuracy_min", "accuracy_ci95", "per_instance", "float_accuracy", "quantized_accuracy", "layers", "output_error_rms", "seed", "path" })
        {
            Assert.Contains($"\"{field}\"", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fast_path_far_from_the_exact_path_prints_a_warning_naming_the_gap_and_records_both()
    {
        // The shipped digits CNN all-RRAM on hyperx-128-8b: conv2's 16-row per-offset blocks are read by few rows per
        // input step, whose sub-level errors the real ADC rounds away and the fast path's ideal ADC keeps.
        var weights = Path.Combine(HybridSim.Tests.RepositoryPaths.Root, "weights", "cnn-digits.npz");
        string[] args = ["evaluate", "--arch", CliHarness.Arch("hyperx-128-8b.yaml"), "--workload", CliHarness.Workload("cnn-digits.yaml"), "--weights", weights,
            "--data", "digits", "--freeze", "3", "--limit", "100"];

        var (code, output, error) = CliHarness.Invoke([.. args, "--path", "fast", "--path-check", "100", "--out", _dir.Sub("fast")]);
        var exact = CliHarness.Invoke([.. args, "--path", "exact", "--out", _dir.Sub("exact")]);

        Assert.True(code == 0, error);
        Assert.True(exact.Code == 0, exact.Err);
        var json = File.ReadAllText(Path.Combine(_dir.Sub("fast"), "accuracy.json"));
        Assert.Contains("\"path_check\": {", json, StringComparison.Ordinal);
        Assert.DoesNotContain("path_check", File.ReadAllText(Path.Combine(_dir.Sub("exact"), "accuracy.json")), StringComparison.Ordinal);
        Assert.Contains("path check ", output, StringComparison.Ordinal);
        Assert.Contains("warning: cnn-digits on hyperx-128-8b, freeze-3: on the first 100 test samples of the first chip the fast path scores ", error, StringComparison.Ordinal);
        Assert.Contains("points apart (more than 1)", error, StringComparison.Ordinal);

        // The check's exact figure is the exact path's own accuracy on those samples, and its fast figure the fast run's.
        var exactAccuracy = System.Text.RegularExpressions.Regex.Match(exact.Out, @"device accuracy\s+([0-9.]+)%").Groups[1].Value;
        var fastAccuracy = System.Text.RegularExpressions.Regex.Match(output, @"device accuracy\s+([0-9.]+)%").Groups[1].Value;
        Assert.Contains($"path check          {fastAccuracy}% fast, {exactAccuracy}% exact", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_check_zero_turns_the_check_off_and_a_negative_count_is_a_usage_error()
    {
        var weights = Path.Combine(HybridSim.Tests.RepositoryPaths.Root, "weights", "cnn-digits.npz");
        string[] args = ["evaluate", "--arch", CliHarness.Arch("hyperx-128-8b.yaml"), "--workload", CliHarness.Workload("cnn-digits.yaml"), "--weights", weights,
            "--data", "digits", "--freeze", "3", "--path", "fast", "--limit", "20"];

        var off = CliHarness.Invoke([.. args, "--path-check", "0"]);
        var negative = CliHarness.Invoke([.. args, "--path-check", "-1"]);

        Assert.True(off.Code == 0, off.Err);
        Assert.DoesNotContain("path check", off.Out, StringComparison.Ordinal);
        Assert.Equal("", off.Err);
        Assert.Equal(2, negative.Code);
        Assert.Contains("--path-check must be 0", negative.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Infer_writes_float32_logits_samples_by_classes()
    {
        var weights = Trained();
        var logits = _dir.Sub("logits.npy");
        var (code, _, err) = CliHarness.Invoke("infer", "--arch", CliHarness.Arch("hyperx-64-8b.yaml"), "--workload", CliHarness.Workload("mlp-digits.yaml"),
            "--weights", weights, "--data", "digits", "--freeze", "3", "--limit", "7", "--path", "fast", "--out", logits);
        Assert.True(code == 0, err);
        var bytes = File.ReadAllBytes(logits);
        var header = System.Text.Encoding.ASCII.GetString(bytes, 10, bytes[8] | (bytes[9] << 8));
        Assert.Contains("'descr': '<f4'", header, StringComparison.Ordinal);
        Assert.Contains("'shape': (7, 10)", header, StringComparison.Ordinal);
        Assert.Equal(10 + header.Length + (7 * 10 * 4), bytes.Length);
    }

    [Fact]
    public void Weights_of_another_workload_name_the_tensor_and_both_shapes()
    {
        var weights = Trained();
        var (code, _, err) = CliHarness.Invoke("evaluate", "--arch", CliHarness.Arch("hyperx-128-8b.yaml"), "--workload", CliHarness.Workload("cnn-digits.yaml"),
            "--weights", weights, "--data", "digits", "--freeze", "1");
        Assert.Equal(1, code);
        Assert.Contains(weights, err, StringComparison.Ordinal);
        Assert.Contains("missing tensor", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_shape_is_exit_1_naming_the_tensor()
    {
        var weights = Trained();

        // Data that fits mlp-mnist (two black 28x28 images): evaluate reads the data before the weights (issue 24, case 17).
        var images = new byte[16 + (2 * 28 * 28)];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(images, 0x803);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), 2);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), 28);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), 28);
        var data = _dir.File("mnist/t10k-images-idx3-ubyte", images);
        _dir.File("mnist/t10k-labels-idx1-ubyte", [0, 0, 8, 1, 0, 0, 0, 2, 0, 1]);
        var (code, _, err) = CliHarness.Invoke("evaluate", "--arch", CliHarness.Arch("hyperx-128-8b.yaml"), "--workload", CliHarness.Workload("mlp-mnist.yaml"),
            "--weights", weights, "--data", data, "--freeze", "1");
        Assert.Equal(1, code);
        Assert.Contains("fc1.weight", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_file_with_a_wrong_magic_number_is_exit_1_naming_the_file()
    {
        var weights = Trained();
        var bad = _dir.File("images-idx3-ubyte", "not an idx file at all");
        var (code, _, err) = CliHarness.Invoke(Evaluate(weights, bad));
        Assert.Equal(1, code);
        Assert.Contains(bad, err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_data_name_lists_the_known_ones()
    {
        var (code, _, err) = CliHarness.Invoke(Evaluate(Trained(), "digitz"));
        Assert.Equal(1, code);
        Assert.Contains("digits", err, StringComparison.Ordinal);
        Assert.Contains("fashion-mnist", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_weights_file_is_exit_1()
    {
        var (code, _, err) = CliHarness.Invoke(Evaluate(_dir.Sub("none.npz"), "digits"));
        Assert.Equal(1, code);
        Assert.Contains("none.npz", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--instances", "0")]
    [InlineData("--limit", "0")]
    [InlineData("--path", "slow")]
    public void Bad_evaluate_options_are_usage_errors(string option, string value) =>
        Assert.Equal(2, CliHarness.Invoke(Evaluate("w.npz", "digits", option, value)).Code);

    [Fact]
    public void Train_rejects_zero_epochs_as_a_usage_error() =>
        Assert.Equal(2, CliHarness.Invoke("train", "--workload", "mlp-digits", "--data", "digits", "--epochs", "0", "--out", _dir.Sub("x.npz")).Code);

    [Fact]
    public void A_narrow_adc_warns_and_still_evaluates()
    {
        var (code, _, err) = CliHarness.Invoke(Evaluate(Trained(), "digits", "--set", "adc_bits=6", "--limit", "20"));
        Assert.Equal(0, code);
        Assert.Contains("warning:", err, StringComparison.Ordinal);
        Assert.Contains("fewer than the 8 bits", err, StringComparison.Ordinal);
    }
}
