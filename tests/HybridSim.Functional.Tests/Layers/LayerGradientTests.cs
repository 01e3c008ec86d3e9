using HybridSim.Functional.Network;

namespace HybridSim.Functional.Tests.Layers;

public sealed class LayerGradientTests
{
    private static readonly Dictionary<string, int> Rank2 = new() { ["c"] = 2 };

    [Fact]
    public void Conv_with_stride_2_padding_1_and_bias_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: conv, out_channels: 3, kernel: 3, stride: 2, padding: 1, bias: true}");
        GradientCheck.Check(GradientCheck.Layer(w, 0, 1), [GradientCheck.Random(2, 2, 5, 5, 2)]);
    }

    [Fact]
    public void Conv_with_2_groups_and_fused_tanh_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: conv, out_channels: 4, kernel: [2, 3], padding: 1, groups: 2, activation: tanh}", "[4, 4, 5]");
        GradientCheck.Check(GradientCheck.Layer(w, 0, 3), [GradientCheck.Random(2, 4, 4, 5, 4)]);
    }

    [Fact]
    public void Depthwise_conv_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: conv, out_channels: 3, kernel: 3, stride: 2, padding: 1, groups: 3}", "[3, 5, 5]");
        GradientCheck.Check(GradientCheck.Layer(w, 0, 5), [GradientCheck.Random(2, 3, 5, 5, 6)]);
    }

    [Fact]
    public void Pointwise_conv_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: conv, out_channels: 3, kernel: 1}");
        GradientCheck.Check(GradientCheck.Layer(w, 0, 7), [GradientCheck.Random(2, 2, 5, 5, 8)]);
    }

    [Fact]
    public void Conv_lobranch_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: conv, out_channels: 4, kernel: 3, padding: 1, groups: 2, activation: sigmoid}");
        var layer = GradientCheck.Layer(w, 0, 9, Rank2);
        Assert.Equal(["c.weight", "c.lobranch_a", "c.lobranch_b"], layer.Parameters.Select(p => p.Name));
        Assert.Equal([2, 18], layer.Parameters[1].Shape.ToArray());
        Assert.Equal([4, 2], layer.Parameters[2].Shape.ToArray());
        GradientCheck.Check(layer, [GradientCheck.Random(2, 2, 5, 5, 10)]);
    }

    [Fact]
    public void Fc_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: fc, out_features: 4, activation: relu6}", "[6, 1, 1]");
        var layer = GradientCheck.Layer(w, 0, 11);
        GradientCheck.Check(layer, [GradientCheck.Distinct(3, 6, 1, 1, 12)]);
    }

    [Fact]
    public void Fc_lobranch_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: fc, out_features: 4}", "[6, 1, 1]");
        var layer = GradientCheck.Layer(w, 0, 13, Rank2);
        Assert.Equal(["c.weight", "c.bias", "c.lobranch_a", "c.lobranch_b"], layer.Parameters.Select(p => p.Name));
        GradientCheck.Check(layer, [GradientCheck.Random(3, 6, 1, 1, 14)]);
    }

    [Fact]
    public void Batchnorm_in_training_mode_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: batchnorm}", "[3, 2, 3]");
        GradientCheck.Check(GradientCheck.Layer(w, 0, 15), [GradientCheck.Random(3, 3, 2, 3, 16)], ForwardMode.Training, eps: 1e-2, tolerance: 2e-2);
    }

    [Fact]
    public void Batchnorm_in_inference_mode_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: batchnorm}", "[3, 2, 3]");
        GradientCheck.Check(GradientCheck.Layer(w, 0, 17), [GradientCheck.Random(2, 3, 2, 3, 18)], ForwardMode.Inference);
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("relu6")]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    public void Activation_backward_matches_finite_differences(string activation)
    {
        var w = GradientCheck.Workload($"  - {{name: c, kind: activation, activation: {activation}}}", "[2, 3, 3]");
        var x = GradientCheck.Distinct(2, 2, 3, 3, 19);
        if (activation == "relu6")
        {
            // Put some values above 6 as well, away from the kink.
            for (var i = 0; i < x.Length; i += 3)
            {
                x.Data[i] += 6.3f;
            }
        }

        GradientCheck.Check(GradientCheck.Layer(w, 0, 20), [x]);
    }

    [Fact]
    public void Maxpool_with_padding_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: maxpool, kernel: 3, stride: 2, padding: 1}");
        GradientCheck.Check(GradientCheck.Layer(w, 0, 21), [GradientCheck.Distinct(2, 2, 5, 5, 22)]);
    }

    [Fact]
    public void Avgpool_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: avgpool, kernel: 2, stride: 2, padding: 1}");
        GradientCheck.Check(GradientCheck.Layer(w, 0, 23), [GradientCheck.Random(2, 2, 5, 5, 24)]);
    }

    [Fact]
    public void Global_avgpool_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: global_avgpool}");
        GradientCheck.Check(GradientCheck.Layer(w, 0, 25), [GradientCheck.Random(2, 2, 5, 5, 26)]);
    }

    [Fact]
    public void Flatten_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: flatten}", "[2, 2, 3]");
        GradientCheck.Check(GradientCheck.Layer(w, 0, 27), [GradientCheck.Random(2, 2, 2, 3, 28)]);
    }

    [Fact]
    public void Add_of_three_inputs_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("""
              - {name: a, kind: activation, activation: tanh}
              - {name: b, kind: activation, activation: relu, inputs: [input]}
              - {name: c, kind: add, inputs: [a, b, input]}
            """, "[2, 3, 3]");
        var layer = GradientCheck.Layer(w, 2, 29);
        GradientCheck.Check(layer, [GradientCheck.Random(2, 2, 3, 3, 30), GradientCheck.Random(2, 2, 3, 3, 31), GradientCheck.Random(2, 2, 3, 3, 32)]);
    }

    [Fact]
    public void Add_with_pad_shortcut_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("""
              - {name: a, kind: conv, out_channels: 4, kernel: 3, stride: 2, padding: 1}
              - {name: b, kind: activation, activation: tanh, inputs: [input]}
              - {name: c, kind: add, inputs: [a, b], pad_shortcut: true}
            """, "[2, 4, 4]");
        var layer = GradientCheck.Layer(w, 2, 33);
        GradientCheck.Check(layer, [GradientCheck.Random(2, 4, 2, 2, 34), GradientCheck.Random(2, 2, 4, 4, 35)]);
    }

    [Fact]
    public void Add_with_symmetric_pad_shortcut_backward_matches_finite_differences()
    {
        var w = GradientCheck.Workload("""
              - {name: a, kind: conv, out_channels: 6, kernel: 3, stride: 2, padding: 1}
              - {name: b, kind: activation, activation: tanh, inputs: [input]}
              - {name: c, kind: add, inputs: [a, b], pad_shortcut: symmetric}
            """, "[2, 4, 4]");
        var layer = GradientCheck.Layer(w, 2, 36);
        GradientCheck.Check(layer, [GradientCheck.Random(2, 6, 2, 2, 37), GradientCheck.Random(2, 2, 4, 4, 38)]);
    }
}
