using HybridSim.Specs.Workloads;

namespace HybridSim.Specs.Tests.Workloads;

/// <summary>The shipped workloads against published layer and parameter counts (parameters: weights, biases, and
/// batch-norm scale and shift, as PyTorch's <c>parameters()</c> counts them).</summary>
public sealed class WorkloadZooTests
{
    [Theory]
    [InlineData("resnet20-cifar", 20, 20, 269_722)]
    [InlineData("resnet18-cifar", 18, 21, 11_173_962)]
    [InlineData("resnet18-imagenet", 18, 21, 11_689_512)]
    [InlineData("vgg16-cifar", 16, 16, 15_253_578)]
    [InlineData("mobilenetv2-cifar", 53, 53, 2_236_682)]
    [InlineData("mlp-mnist", 3, 3, 669_706)]
    [InlineData("mlp-digits", 3, 3, 17_226)]
    [InlineData("cnn-digits", 3, 3, 9_978)]
    [InlineData("lenet5-fashion", 5, 5, 61_706)]
    [InlineData("resnet20-fashion", 20, 20, 269_434)]
    public void Zoo_workload_has_the_published_weight_layer_and_parameter_counts(
        string name, int freezePositions, int weightLayersWithProjections, long parameters)
    {
        var workload = WorkloadLoader.Load(name);

        Assert.Equal(name, workload.Name);
        Assert.Equal(freezePositions, workload.WeightLayerCount);
        Assert.Equal(weightLayersWithProjections, workload.WeightLayers.Count());
        Assert.Equal(parameters, workload.ParameterCount);
    }

    [Theory]
    [InlineData("resnet20-cifar")]
    [InlineData("resnet18-cifar")]
    [InlineData("resnet18-imagenet")]
    [InlineData("vgg16-cifar")]
    [InlineData("mobilenetv2-cifar")]
    [InlineData("mlp-mnist")]
    [InlineData("mlp-digits")]
    [InlineData("cnn-digits")]
    [InlineData("lenet5-fashion")]
    [InlineData("resnet20-fashion")]
    public void Zoo_workload_numbers_its_main_path_weight_layers_1_to_L_in_execution_order(string name)
    {
        var workload = WorkloadLoader.Load(name);
        var main = workload.Layers.Where(l => l.HasWeights && !l.IsProjection).Select(l => l.WeightLayerIndex);

        Assert.Equal(Enumerable.Range(1, workload.WeightLayerCount), main);
        Assert.All(workload.Layers.Where(l => !l.HasWeights), l => Assert.Equal(0, l.WeightLayerIndex));
    }

    [Fact]
    public void Resnet20_has_19_convs_then_one_fc_and_parameter_free_shortcuts()
    {
        var workload = WorkloadLoader.Load("resnet20-cifar");

        Assert.Equal(19, workload.Layers.Count(l => l.Kind == LayerKind.Conv));
        Assert.Equal(LayerKind.Fc, workload.WeightLayers.Last().Kind);
        Assert.Equal(20, workload.WeightLayers.Last().WeightLayerIndex);
        Assert.DoesNotContain(workload.Layers, l => l.IsProjection);
        Assert.Equal(2, workload.Layers.Count(l => l.PadShortcut));
        Assert.Equal(1_376, workload.Layers.Where(l => l.Kind == LayerKind.BatchNorm).Sum(l => l.ParameterCount));
    }

    [Fact]
    public void Resnet20_shapes_halve_and_channels_double_at_each_stage()
    {
        var workload = WorkloadLoader.Load("resnet20-cifar");

        Assert.Equal(new TensorShape(16, 32, 32), workload.Layer("conv1").OutputShape);
        Assert.Equal(new TensorShape(16, 32, 32), workload.Layer("s1.b2.relu").OutputShape);
        Assert.Equal(new TensorShape(32, 16, 16), workload.Layer("s2.b0.conv1").OutputShape);
        Assert.Equal(new TensorShape(64, 8, 8), workload.Layer("s3.b2.relu").OutputShape);
        Assert.Equal(new TensorShape(64, 1, 1), workload.Layer("pool").OutputShape);
        Assert.Equal(new TensorShape(10, 1, 1), workload.Layer("fc").OutputShape);

        // The option-A add at the start of stage 2 takes the 16x32x32 block input beside the 32x16x16 main path.
        var add = workload.Layer("s2.b0.add");
        Assert.Equal([new TensorShape(32, 16, 16), new TensorShape(16, 32, 32)], add.InputShapes.ToArray());
        Assert.Equal(new TensorShape(32, 16, 16), add.OutputShape);
    }

    [Fact]
    public void Resnet20_first_conv_is_a_27_by_16_matrix_and_the_last_conv_a_576_by_64_matrix()
    {
        var workload = WorkloadLoader.Load("resnet20-cifar");

        var first = workload.Layer("conv1");
        Assert.Equal((27, 16, 1), (first.MatrixRows, first.MatrixCols, first.WeightLayerIndex));
        var last = workload.Layer("s3.b2.conv2");
        Assert.Equal((576, 64, 19), (last.MatrixRows, last.MatrixCols, last.WeightLayerIndex));
    }

    [Fact]
    public void Resnet18_imagenet_stem_and_stage_shapes_match_the_paper()
    {
        var workload = WorkloadLoader.Load("resnet18-imagenet");

        Assert.Equal(new TensorShape(64, 112, 112), workload.Layer("conv1").OutputShape);
        Assert.Equal(new TensorShape(64, 56, 56), workload.Layer("maxpool").OutputShape);
        Assert.Equal(new TensorShape(128, 28, 28), workload.Layer("layer2.1.relu").OutputShape);
        Assert.Equal(new TensorShape(256, 14, 14), workload.Layer("layer3.1.relu").OutputShape);
        Assert.Equal(new TensorShape(512, 7, 7), workload.Layer("layer4.1.relu").OutputShape);
        Assert.Equal(new TensorShape(1000, 1, 1), workload.Layer("fc").OutputShape);
        Assert.Equal((147, 64), (workload.Layer("conv1").MatrixRows, workload.Layer("conv1").MatrixCols));
    }

    [Theory]
    [InlineData("resnet18-imagenet")]
    [InlineData("resnet18-cifar")]
    public void Resnet18_projections_take_the_index_of_their_blocks_first_conv(string name)
    {
        var workload = WorkloadLoader.Load(name);
        var projections = workload.Layers.Where(l => l.IsProjection).ToList();

        Assert.Equal(["layer2.0.downsample.conv", "layer3.0.downsample.conv", "layer4.0.downsample.conv"], projections.Select(p => p.Name));
        foreach (var projection in projections)
        {
            var blockFirst = workload.Layer(projection.ShortcutOf!);
            Assert.Equal(blockFirst.WeightLayerIndex, projection.WeightLayerIndex);
            Assert.Equal(blockFirst.InputShape, projection.InputShape);
            Assert.Equal(blockFirst.OutputShape, projection.OutputShape);
        }

        // Stem 1, layer1 2-5, layer2 6-9, layer3 10-13, layer4 14-17, fc 18.
        Assert.Equal([6, 10, 14], projections.Select(p => p.WeightLayerIndex));
        Assert.Equal(18, workload.Layer("fc").WeightLayerIndex);
    }

    [Fact]
    public void Resnet18_cifar_keeps_32x32_through_the_first_stage()
    {
        var workload = WorkloadLoader.Load("resnet18-cifar");

        Assert.Equal(new TensorShape(64, 32, 32), workload.Layer("layer1.1.relu").OutputShape);
        Assert.Equal(new TensorShape(512, 4, 4), workload.Layer("layer4.1.relu").OutputShape);
        Assert.Equal((27, 64), (workload.Layer("conv1").MatrixRows, workload.Layer("conv1").MatrixCols));
    }

    [Fact]
    public void Vgg16_pools_down_to_1x1_before_three_fc_layers()
    {
        var workload = WorkloadLoader.Load("vgg16-cifar");

        Assert.Equal(13, workload.Layers.Count(l => l.Kind == LayerKind.Conv));
        Assert.Equal(new TensorShape(512, 2, 2), workload.Layer("relu5_3").OutputShape);
        Assert.Equal(new TensorShape(512, 1, 1), workload.Layer("pool5").OutputShape);
        Assert.Equal((512, 512, 14), (workload.Layer("fc1").MatrixRows, workload.Layer("fc1").MatrixCols, workload.Layer("fc1").WeightLayerIndex));
        Assert.Equal(ActivationKind.Relu, workload.Layer("fc1").Activation);
    }

    [Fact]
    public void Mobilenetv2_depthwise_convs_have_groups_equal_to_channels_and_9_row_matrices()
    {
        var workload = WorkloadLoader.Load("mobilenetv2-cifar");
        var depthwise = workload.Layers.Where(l => l.Kind == LayerKind.Conv && l.Groups > 1).ToList();

        Assert.Equal(17, depthwise.Count);
        Assert.All(depthwise, l =>
        {
            Assert.Equal(l.InputShape.Channels, l.Groups);
            Assert.Equal(l.OutChannels, l.Groups);
            Assert.Equal(9, l.MatrixRows);
        });
        Assert.Equal(10, workload.Layers.Count(l => l.Kind == LayerKind.Add));
        Assert.Equal(new TensorShape(1280, 4, 4), workload.Layer("conv_last").OutputShape);
        Assert.Equal(new TensorShape(320, 4, 4), workload.Layer("block16.project").OutputShape);
    }

    [Fact]
    public void Mlp_flattens_the_28x28_image_into_784_inputs()
    {
        var workload = WorkloadLoader.Load("mlp-mnist");

        Assert.Equal(new TensorShape(784, 1, 1), workload.Layer("flatten").OutputShape);
        Assert.Equal((784, 512), (workload.Layer("fc1").MatrixRows, workload.Layer("fc1").MatrixCols));
        Assert.Equal(new TensorShape(10, 1, 1), workload.Layers[^1].OutputShape);
    }

    [Fact]
    public void Lenet5_fashion_normalizes_with_the_fashion_mnist_mean_and_std_and_keeps_28x28()
    {
        var workload = WorkloadLoader.Load("lenet5-fashion");

        Assert.Equal(new TensorShape(1, 28, 28), workload.InputShape);
        Assert.Equal([0.2860], workload.Dataset!.Mean.ToArray());
        Assert.Equal([0.3530], workload.Dataset.Std.ToArray());
        Assert.Equal(0, workload.Dataset.Pad);
        Assert.Equal(new TensorShape(16, 5, 5), workload.Layer("pool2").OutputShape);
        Assert.Equal(new TensorShape(10, 1, 1), workload.Layers[^1].OutputShape);
    }

    [Fact]
    public void Resnet20_fashion_pads_28x28_images_by_2_to_its_1x32x32_input_and_matches_resnet20_cifar_after_the_stem()
    {
        var fashion = WorkloadLoader.Load("resnet20-fashion");
        var cifar = WorkloadLoader.Load("resnet20-cifar");

        Assert.Equal(new TensorShape(1, 32, 32), fashion.InputShape);
        Assert.Equal(2, fashion.Dataset!.Pad);
        Assert.Equal(cifar.Layers.Select(l => (l.Name, l.Kind, l.OutputShape)), fashion.Layers.Select(l => (l.Name, l.Kind, l.OutputShape)));
        Assert.Equal(cifar.ParameterCount - (2 * 9 * 16), fashion.ParameterCount);
    }

    [Theory]
    [InlineData("mlp-digits")]
    [InlineData("cnn-digits")]
    public void Digits_workloads_take_1x8x8_images_and_output_10_classes(string name)
    {
        var workload = WorkloadLoader.Load(name);

        Assert.Equal(new TensorShape(1, 8, 8), workload.InputShape);
        Assert.Null(workload.Dataset);
        Assert.Equal(new TensorShape(10, 1, 1), workload.Layers[^1].OutputShape);
    }
}
