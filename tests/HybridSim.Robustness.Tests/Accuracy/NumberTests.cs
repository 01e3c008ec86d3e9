using HybridSim.Functional.Inference;
using HybridSim.Functional.Tests.Import;
using static HybridSim.Robustness.Tests.Accuracy.HostileFiles;

namespace HybridSim.Robustness.Tests.Accuracy;

/// <summary>Issue 24, cases 6 to 8: numbers read from weights and models are finite and in range; training that diverges stops; 32-bit inputs do not overflow.</summary>
public sealed class NumberTests
{
    public static TheoryData<float, string> BadValues => new()
    {
        { float.NaN, "NaN" },
        { float.PositiveInfinity, "Infinity" },
        { 3e38f, "3E+38" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Case06_evaluate_refuses_a_weight_that_is_not_finite_or_too_large_naming_tensor_and_index(float value, string shown)
    {
        using var dir = new TempDirectory();
        var weights = ChangedWeights(dir, "bad.npz", "conv2.weight", w => w[17] = value);
        var result = Measured(Evaluate(weights));
        Cli.AssertInputError(result, weights, "conv2.weight", $"holds {shown} at index 17", "magnitude at most 1000000");
    }

    [Fact]
    public void Case06_infer_recover_and_sweeps_refuse_nan_weights_too()
    {
        using var dir = new TempDirectory();
        var weights = ChangedWeights(dir, "nan.npz", "fc.weight", w => w[0] = float.NaN);
        var common = new[] { "--arch", Cli.Arch("hyperx-128-16b.yaml"), "--workload", "cnn-digits", "--weights", weights, "--data", "digits", "--path", "fast" };
        Cli.AssertInputError(Measured(["infer", .. common, "--freeze", "2", "--out", dir.Sub("logits.npy")]), weights, "fc.weight", "holds NaN at index 0");
        Cli.AssertInputError(Measured(["recover", .. common, "--freeze", "2", "--recover", "retrain", "--epochs", "1", "--out", dir.Sub("recovered")]), weights, "fc.weight", "holds NaN at index 0");
        var sweep = Measured(["sweep", "freeze", .. common, "--out", dir.Sub("sweep")]);
        Cli.AssertInputError(sweep, weights, "fc.weight", "holds NaN at index 0");
        Assert.False(File.Exists(Path.Combine(dir.Sub("sweep"), "choice.json")));
        Assert.False(File.Exists(dir.Sub("logits.npy")));
    }

    [Fact]
    public void Case06_a_negative_batch_norm_variance_is_refused()
    {
        using var dir = new TempDirectory();
        var weights = ChangedWeights(dir, "var.npz", "bn1.running_var", w => w[2] = -1);
        Cli.AssertInputError(Measured(Evaluate(weights)), weights, "bn1.running_var", "holds -1 at index 2", "variance must be >= 0");
    }

    [Fact]
    public void Case06_an_onnx_nan_initializer_is_refused_on_import()
    {
        using var dir = new TempDirectory();
        var model = dir.File("nan.onnx", new OnnxTestModel()
            .Input("x", 1, 4).Weight("W", [3, 4], [1, 2, 3, 4, 5, float.NaN, 7, 8, 9, 10, 11, 12])
            .Node("Gemm", "fc", ["x", "W"], ["y"], ("transB", 1L)).Output("y").Bytes());
        var result = Measured("import", model, "--out", dir.Sub("nan.yaml"), "--weights", dir.Sub("nan.npz"));
        Cli.AssertInputError(result, model, "graph.initializer[0]", "'W' holds NaN at index 5");
        Assert.False(File.Exists(dir.Sub("nan.npz")));
    }

    [Theory]
    [InlineData("--lr", "1e308", "adam")]
    [InlineData("--momentum", "1e308", "sgd")]
    [InlineData("--weight-decay", "1e308", "sgd")]
    public void Case07_training_that_diverges_stops_with_epoch_step_and_loss_and_writes_nothing(string option, string value, string optimizer)
    {
        using var dir = new TempDirectory();
        var output = dir.Sub("w.npz");
        var result = Measured("train", "--workload", "mlp-digits", "--data", "digits", "--epochs", "2", "--optimizer", optimizer, option, value, "--out", output);
        Cli.AssertInputError(result, "training diverged at epoch 1, step ", "no weights written", "lower --lr");
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Case08_32_bit_unsigned_inputs_reach_2_to_the_32_minus_1()
    {
        var scale = FixedPoint.InputScale(1.0, signed: false, bits: 32);
        Assert.Equal(4294967295L, FixedPoint.QuantizeInput(1f, scale, signed: false, bits: 32));
        Assert.Equal(2147483648L, FixedPoint.QuantizeInput(0.5f, scale, signed: false, bits: 32));
        var signed = FixedPoint.InputScale(1.0, signed: true, bits: 32);
        Assert.Equal(-2147483647L, FixedPoint.QuantizeInput(-1f, signed, signed: true, bits: 32));
    }

    [Fact]
    public void Case08_input_bits_32_is_as_accurate_as_31_on_the_ideal_fixed_point_model()
    {
        string Quantized(string bits)
        {
            var result = Cli.Invoke(["evaluate", "--arch", Cli.Arch("hyperx-128-16b.yaml"), "--workload", "cnn-digits", "--weights", ShippedWeights, "--data", "digits",
                "--freeze", "2", "--path", "fast", "--set", $"input_bits={bits}"]);
            Assert.True(result.Code == 0, result.Err);
            return result.Out.Split('\n').Single(l => l.Contains("quantized accuracy", StringComparison.Ordinal));
        }

        Assert.Equal(Quantized("31"), Quantized("32"));
    }

    [Fact]
    public void Case08_the_exact_path_runs_32_bit_inputs()
    {
        var result = Measured(["evaluate", "--arch", Cli.Arch("hyperx-128-16b.yaml"), "--workload", "cnn-digits", "--weights", ShippedWeights, "--data", "digits",
            "--freeze", "2", "--limit", "20", "--set", "input_bits=32"]);
        Assert.True(result.Code == 0, result.Err);
        Assert.Contains("exact path", result.Out);
    }
}
