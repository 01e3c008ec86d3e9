using HybridSim.Specs.Workloads;

namespace HybridSim.Specs.Tests.Workloads;

public sealed class WorkloadShapeInferenceTests
{
    [Fact]
    public void Small_net_records_fields_matrices_and_parameters()
    {
        var yaml = """
            name: small
            input: [3, 8, 8]
            layers:
              - {name: c1, kind: conv, out_channels: 4, kernel: 3}
              - {name: c2, kind: conv, out_channels: 4, kernel: 3, stride: 2, padding: 1, groups: 4, bias: true, activation: relu}
              - {name: c3, kind: conv, out_channels: 6, kernel: [1, 2], rank: 2}
              - {name: bn, kind: batchnorm}
              - {name: f, kind: flatten}
              - {name: fc, kind: fc, out_features: 5}
            """;
        var workload = WorkloadLoader.Parse(yaml, "small.yaml");

        var c2 = workload.Layer("c2");
        Assert.Equal((3, 3, 2, 1, 4, true, ActivationKind.Relu), (c2.KernelHeight, c2.KernelWidth, c2.Stride, c2.Padding, c2.Groups, c2.Bias, c2.Activation));
        Assert.Equal((9, 4, 40L), (c2.MatrixRows, c2.MatrixCols, c2.ParameterCount)); // depthwise: 3*3*1 rows; 36 weights + 4 biases
        var c3 = workload.Layer("c3");
        Assert.Equal(new TensorShape(6, 3, 2), c3.OutputShape); // height (3 - 1) + 1 = 3, width (3 - 2) + 1 = 2
        Assert.Equal((8, 2, false), (c3.MatrixRows, c3.Rank, c3.Bias)); // 1*2*4 rows; conv bias defaults to false
        Assert.Equal(12L, workload.Layer("bn").ParameterCount);
        Assert.Equal(new TensorShape(36, 1, 1), workload.Layer("f").OutputShape);
        var fc = workload.Layer("fc");
        Assert.Equal((36, 5, true, 185L), (fc.MatrixRows, fc.MatrixCols, fc.Bias, fc.ParameterCount)); // fc bias defaults to true
        // c1: 3*3*3*4 = 108; c2: 40; c3: 48; bn: 12; fc: 185.
        Assert.Equal(393L, workload.ParameterCount);
        Assert.Equal(4, workload.WeightLayerCount);
        Assert.Equal([1, 2, 3, 4], workload.WeightLayers.Select(l => l.WeightLayerIndex));
    }

    [Fact]
    public void Pooling_stride_defaults_to_the_kernel_and_global_pooling_gives_1x1()
    {
        var yaml = """
            name: pools
            input: [2, 7, 7]
            layers:
              - {name: m, kind: maxpool, kernel: 3, stride: 2, padding: 1}
              - {name: a, kind: avgpool, kernel: 2}
              - {name: g, kind: global_avgpool}
            """;
        var workload = WorkloadLoader.Parse(yaml, "pools.yaml");

        Assert.Equal(new TensorShape(2, 4, 4), workload.Layer("m").OutputShape); // (7 + 2 - 3)/2 + 1 = 4
        Assert.Equal((2, 2), (workload.Layer("a").Stride, workload.Layer("a").OutputShape.Height));
        Assert.Equal(new TensorShape(2, 1, 1), workload.Layer("g").OutputShape);
        Assert.Equal(0, workload.WeightLayerCount);
    }

    [Fact]
    public void Layers_execute_in_topological_order_even_when_written_out_of_order()
    {
        var yaml = """
            name: reordered
            input: [4, 4, 4]
            layers:
              - {name: sum, kind: add, inputs: [b, a]}
              - {name: a, kind: conv, out_channels: 4, kernel: 1, inputs: input}
              - {name: b, kind: conv, out_channels: 4, kernel: 1, inputs: [a]}
            """;
        var workload = WorkloadLoader.Parse(yaml, "reordered.yaml");

        Assert.Equal(["a", "b", "sum"], workload.Layers.Select(l => l.Name));
        Assert.Equal([1, 2], workload.WeightLayers.Select(l => l.WeightLayerIndex));
        Assert.Equal(["b", "a"], workload.Layer("sum").Inputs.ToArray());
    }

    [Fact]
    public void First_layer_reads_the_input_and_inputs_may_be_a_single_name()
    {
        var yaml = """
            name: single
            input: [2, 4, 4]
            layers:
              - {name: a, kind: batchnorm}
              - {name: b, kind: activation, activation: tanh}
              - {name: sum, kind: add, inputs: [a, b]}
              - {name: f, kind: flatten, inputs: sum}
            """;
        var workload = WorkloadLoader.Parse(yaml, "single.yaml");

        Assert.Equal(["input"], workload.Layer("a").Inputs.ToArray());
        Assert.Equal(["a"], workload.Layer("b").Inputs.ToArray());
        Assert.Equal(["sum"], workload.Layer("f").Inputs.ToArray());
        Assert.Equal(ActivationKind.Tanh, workload.Layer("b").Activation);
        Assert.Equal(new TensorShape(32, 1, 1), workload.Layer("f").OutputShape);
        Assert.Equal(new SourceLocation("single.yaml", 4, 5), workload.Layer("a").Location);
    }

    [Theory]
    [InlineData("true", ShortcutPadding.End)]
    [InlineData("end", ShortcutPadding.End)]
    [InlineData("symmetric", ShortcutPadding.Symmetric)]
    [InlineData("false", ShortcutPadding.None)]
    public void Pad_shortcut_names_the_channel_placement(string value, ShortcutPadding expected)
    {
        var yaml = $$"""
            name: option-a
            input: [16, 32, 32]
            layers:
              - {name: c, kind: conv, out_channels: 16, kernel: 3, padding: 1}
              - {name: sum, kind: add, inputs: [c, input], pad_shortcut: {{value}}}
            """;

        var sum = WorkloadLoader.Parse(yaml, "option-a.yaml").Layer("sum");

        Assert.Equal(expected, sum.ShortcutPadding);
        Assert.Equal(expected != ShortcutPadding.None, sum.PadShortcut);
    }

    [Fact]
    public void Option_a_shortcut_subsamples_and_zero_pads_into_the_main_path_shape()
    {
        var yaml = """
            name: option-a
            input: [16, 32, 32]
            layers:
              - {name: c, kind: conv, out_channels: 32, kernel: 3, stride: 2, padding: 1}
              - {name: sum, kind: add, inputs: [c, input], pad_shortcut: true}
            """;
        var workload = WorkloadLoader.Parse(yaml, "option-a.yaml");

        var sum = workload.Layer("sum");
        Assert.True(sum.PadShortcut);
        Assert.Equal(ShortcutPadding.End, sum.ShortcutPadding);
        Assert.Equal(new TensorShape(32, 16, 16), sum.OutputShape);
        Assert.Equal([new TensorShape(32, 16, 16), new TensorShape(16, 32, 32)], sum.InputShapes.ToArray());
        Assert.Equal(0, sum.ParameterCount);
    }
}
