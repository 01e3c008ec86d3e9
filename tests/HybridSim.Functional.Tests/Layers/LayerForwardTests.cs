using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;

namespace HybridSim.Functional.Tests.Layers;

public sealed class LayerForwardTests
{
    [Fact]
    public void Conv_2x2_on_a_3x3_image_gives_the_hand_computed_sums()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: conv, out_channels: 1, kernel: 2, bias: true}", "[1, 3, 3]");
        var network = FunctionalNetwork.Create(w);
        float[] kernel = [1, 2, 3, 4];
        kernel.CopyTo(network.Parameter("c.weight").Value, 0);
        network.Parameter("c.bias").Value[0] = 0.5f;
        var x = new Tensor(1, 1, 3, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9]);

        var y = network.Forward(x, ForwardMode.Inference);

        // 1·1 + 2·2 + 3·4 + 4·5 = 37, then 47, 67, 77; plus the bias.
        Assert.Equal([37.5f, 47.5f, 67.5f, 77.5f], y.Data);
    }

    [Fact]
    public void Fc_computes_weights_times_input_plus_bias()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: fc, out_features: 3}", "[2, 1, 1]");
        var network = FunctionalNetwork.Create(w);
        float[] weights = [1, 2, 3, 4, 5, 6];
        weights.CopyTo(network.Parameter("c.weight").Value, 0);
        float[] bias = [0.5f, -1, 0];
        bias.CopyTo(network.Parameter("c.bias").Value, 0);

        var y = network.Forward(new Tensor(1, 2, 1, 1, [1, -1]), ForwardMode.Inference);

        Assert.Equal([-0.5f, -2f, -1f], y.Data);
    }

    [Fact]
    public void Pad_shortcut_subsamples_from_row_0_and_puts_the_input_channels_first()
    {
        var w = GradientCheck.Workload("""
              - {name: a, kind: conv, out_channels: 2, kernel: 1, stride: 2}
              - {name: c, kind: add, inputs: [a, input], pad_shortcut: true}
            """, "[1, 4, 4]");
        var network = FunctionalNetwork.Create(w);
        var x = new Tensor(1, 1, 4, 4, [.. Enumerable.Range(0, 16).Select(i => (float)i)]);

        var y = network.Forward(x, ForwardMode.Inference);

        // Conv weights are zero: channel 0 is rows and columns 0 and 2 of the input, channel 1 is padding.
        Assert.Equal([0f, 2f, 8f, 10f, 0f, 0f, 0f, 0f], y.Data);
    }

    [Fact]
    public void Symmetric_pad_shortcut_centres_the_input_channels_as_pytorch_f_pad_does()
    {
        var w = GradientCheck.Workload("""
              - {name: a, kind: conv, out_channels: 4, kernel: 1, stride: 2}
              - {name: c, kind: add, inputs: [a, input], pad_shortcut: symmetric}
            """, "[2, 2, 2]");
        var network = FunctionalNetwork.Create(w);
        var x = new Tensor(1, 2, 2, 2, [1, 2, 3, 4, 5, 6, 7, 8]);

        var y = network.Forward(x, ForwardMode.Inference);

        // F.pad(x[:, :, ::2, ::2], (0, 0, 0, 0, 1, 1)): zeros, input channel 0 (pixel 1), input channel 1 (pixel 5), zeros.
        Assert.Equal([0f, 1f, 5f, 0f], y.Data);
    }

    [Fact]
    public void Batchnorm_training_updates_running_statistics_like_pytorch()
    {
        var w = GradientCheck.Workload("  - {name: c, kind: batchnorm}", "[1, 1, 2]");
        var network = FunctionalNetwork.Create(w);
        network.Initialize(0);

        var y = network.Forward(new Tensor(2, 1, 1, 2, [1, 2, 3, 4]), ForwardMode.Training);

        // Mean 2.5, biased variance 1.25, unbiased 5/3.
        Assert.Equal(0.25f, network.Parameter("c.running_mean").Value[0], 6);
        Assert.Equal(0.9f + 0.1f * 5f / 3f, network.Parameter("c.running_var").Value[0], 6);
        Assert.Equal(-1.5f / MathF.Sqrt(1.25f + 1e-5f), y.Data[0], 5);
    }

    [Fact]
    public void Maxpool_ignores_padding_and_avgpool_counts_it()
    {
        var max = FunctionalNetwork.Create(GradientCheck.Workload("  - {name: c, kind: maxpool, kernel: 2, stride: 2, padding: 1}", "[1, 2, 2]"));
        var avg = FunctionalNetwork.Create(GradientCheck.Workload("  - {name: c, kind: avgpool, kernel: 2, stride: 2, padding: 1}", "[1, 2, 2]"));
        var x = new Tensor(1, 1, 2, 2, [-1, -2, -3, -4]);

        Assert.Equal([-1f, -2f, -3f, -4f], max.Forward(x, ForwardMode.Inference).Data);
        Assert.Equal([-0.25f, -0.5f, -0.75f, -1f], avg.Forward(x, ForwardMode.Inference).Data);
    }
}
