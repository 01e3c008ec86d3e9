using HybridSim.Functional.Import;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Import;

public sealed class OnnxImporterTests
{
    private static (ImportResult Result, WorkloadSpec Workload) Import(OnnxTestModel model, string name = "net")
    {
        using var dir = new TempDirectory();
        var result = OnnxImporter.Import(model.Save(dir.Sub("model.onnx")), name);
        var workload = WorkloadLoader.Parse(result.WorkloadYaml, name + ".yaml");
        CheckWeightShapes(result, workload);
        return (result, workload);
    }

    private static SpecException ImportError(OnnxTestModel model)
    {
        using var dir = new TempDirectory();
        var path = model.Save(dir.Sub("model.onnx"));
        return Assert.Throws<SpecException>(() => OnnxImporter.Import(path, "net"));
    }

    /// <summary>Every weight layer has its weight (and bias when the YAML says so) in the shape docs/pytorch.md gives.</summary>
    private static void CheckWeightShapes(ImportResult result, WorkloadSpec workload)
    {
        var byName = result.Weights.ToDictionary(w => w.Name);
        foreach (var layer in workload.Layers)
        {
            if (layer.Kind == LayerKind.Conv)
            {
                Assert.Equal([layer.OutChannels, layer.InputShape.Channels / layer.Groups, layer.KernelHeight, layer.KernelWidth], byName[layer.Name + ".weight"].Shape.ToArray());
                Assert.Equal(layer.MatrixRows * layer.OutChannels, byName[layer.Name + ".weight"].Elements);
            }
            else if (layer.Kind == LayerKind.Fc)
            {
                Assert.Equal([layer.OutChannels, layer.MatrixRows], byName[layer.Name + ".weight"].Shape.ToArray());
            }
            else if (layer.Kind == LayerKind.BatchNorm)
            {
                foreach (var suffix in new[] { ".weight", ".bias", ".running_mean", ".running_var" })
                {
                    Assert.Equal([layer.InputShape.Channels], byName[layer.Name + suffix].Shape.ToArray());
                }
            }

            if (layer.HasWeights && layer.Bias)
            {
                Assert.Equal([layer.OutChannels], byName[layer.Name + ".bias"].Shape.ToArray());
            }
        }

        Assert.Equal(workload.ParameterCount, result.Weights.Where(w => !w.Name.EndsWith("running_mean", StringComparison.Ordinal) && !w.Name.EndsWith("running_var", StringComparison.Ordinal)).Sum(w => w.Elements));
    }

    private static OnnxTestModel ConvBnReluPoolFc() => new OnnxTestModel()
        .Input("image", -1, 1, 8, 8)
        .Weight("w1", 4, 1, 3, 3).Weight("b1", 4)
        .Weight("g", 4).Weight("beta", 4).Weight("mean", 4).Weight("var", [4], [1f, 2f, 3f, 4f], raw: false)
        .Weight("fcw", 10, 64).Weight("fcb", 10)
        .Node("Conv", "features/conv1", ["image", "w1", "b1"], ["c1"], ("kernel_shape", new long[] { 3, 3 }), ("pads", new long[] { 1, 1, 1, 1 }))
        .Node("BatchNormalization", "features/bn1", ["c1", "g", "beta", "mean", "var"], ["n1"], ("epsilon", 1e-5f))
        .Node("Relu", "features/relu1", ["n1"], ["r1"])
        .Node("MaxPool", "features/pool1", ["r1"], ["p1"], ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }))
        .Node("Flatten", "flatten", ["p1"], ["f"])
        .Node("Gemm", "classifier", ["f", "fcw", "fcb"], ["logits"], ("transB", 1L))
        .Output("logits");

    [Fact]
    public void Conv_bn_relu_pool_fc_imports_to_a_workload_that_loads()
    {
        var (result, workload) = Import(ConvBnReluPoolFc(), "tiny");

        Assert.Equal(
            """
            name: tiny
            input: [1, 8, 8]   # channels, height, width
            layers:
              - {name: features_conv1, kind: conv, out_channels: 4, kernel: 3, padding: 1, bias: true}
              - {name: features_bn1, kind: batchnorm}
              - {name: features_relu1, kind: activation, activation: relu}
              - {name: features_pool1, kind: maxpool, kernel: 2, stride: 2}
              - {name: flatten, kind: flatten}
              - {name: classifier, kind: fc, out_features: 10}

            """.ReplaceLineEndings("\n"),
            string.Join("\n", result.WorkloadYaml.Split('\n').Where(l => !l.StartsWith('#'))));
        Assert.StartsWith("# Imported by 'hybridsim import' from model.onnx (ONNX opset 13, produced by hybridsim-tests).\n", result.WorkloadYaml, StringComparison.Ordinal);
        Assert.Contains("# Parameters: 698 ", result.WorkloadYaml, StringComparison.Ordinal);
        Assert.Equal(6, workload.Layers.Length);
        Assert.Equal(2, workload.WeightLayerCount);
        Assert.Equal(4 * 9 + 4 + 8 + 640 + 10, workload.ParameterCount);
        Assert.Equal(
            ["features_conv1.weight", "features_conv1.bias", "features_bn1.weight", "features_bn1.bias", "features_bn1.running_mean", "features_bn1.running_var", "classifier.weight", "classifier.bias"],
            result.Weights.Select(w => w.Name));
        Assert.Equal([1f, 2f, 3f, 4f], result.Weights.Single(w => w.Name == "features_bn1.running_var").Data);
        Assert.Equal(-0.01f, result.Weights[0].Data[0]);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Weights_survive_an_npz_round_trip()
    {
        var (result, _) = Import(ConvBnReluPoolFc());
        using var dir = new TempDirectory();

        NpzFile.Write(dir.Sub("net.npz"), result.Weights);
        var back = NpzFile.Read(dir.Sub("net.npz"));

        Assert.Equal(result.Weights.Select(w => (w.Name, w.Elements)), back.Select(w => (w.Name, w.Elements)));
        Assert.Equal(result.Weights[6].Data, back[6].Data);
    }

    [Fact]
    public void Residual_add_and_projection_shortcut_follow_the_graph_edges()
    {
        var model = new OnnxTestModel()
            .Input("x", 1, 4, 8, 8)
            .Weight("wa", 8, 4, 3, 3).Weight("wb", 8, 8, 3, 3).Weight("wp", 8, 4, 1, 1)
            .Node("Conv", "block.conv1", ["x", "wa"], ["a"], ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }))
            .Node("Relu", "block.relu1", ["a"], ["ar"])
            .Node("Conv", "block.conv2", ["ar", "wb"], ["b"], ("pads", new long[] { 1, 1, 1, 1 }))
            .Node("Conv", "block.downsample", ["x", "wp"], ["p"], ("strides", new long[] { 2, 2 }))
            .Node("Add", "block.add", ["b", "p"], ["s"])
            .Node("Relu", "block.relu", ["s"], ["y"])
            .Output("y");

        var (result, workload) = Import(model);

        Assert.Contains("  - {name: block.downsample, kind: conv, out_channels: 8, kernel: 1, stride: 2, shortcut_of: block.conv1, inputs: input}\n", result.WorkloadYaml, StringComparison.Ordinal);
        Assert.Contains("  - {name: block.add, kind: add, inputs: [block.conv2, block.downsample]}\n", result.WorkloadYaml, StringComparison.Ordinal);
        Assert.Equal(2, workload.WeightLayerCount);
        Assert.True(workload.Layer("block.downsample").IsProjection);
        Assert.Equal("block.relu", workload.Layers[^1].Name);
    }

    [Fact]
    public void Residual_add_without_weights_reads_the_block_input()
    {
        var model = new OnnxTestModel()
            .Input("x", 1, 4, 6, 6)
            .Weight("wa", 4, 4, 3, 3)
            .Node("Conv", "conv", ["x", "wa"], ["a"], ("pads", new long[] { 1, 1, 1, 1 }))
            .Node("Add", "", ["a", "x"], ["s"])
            .Node("Relu", "", ["s"], ["y"])
            .Output("y");

        var (result, workload) = Import(model);

        Assert.Contains("  - {name: add1, kind: add, inputs: [conv, input]}\n", result.WorkloadYaml, StringComparison.Ordinal);
        Assert.Equal(["conv", "add1", "relu2"], workload.Layers.Select(l => l.Name));
    }

    [Fact]
    public void Gemm_without_transB_and_MatMul_plus_Add_give_the_same_fc_as_Gemm_with_transB()
    {
        float[] kn = [1, 2, 3, 4, 5, 6]; // [in 3, out 2]
        float[] nk = [1, 3, 5, 2, 4, 6]; // the same matrix as [out 2, in 3]
        OnnxTestModel Model(Func<OnnxTestModel, OnnxTestModel> body) =>
            body(new OnnxTestModel().Input("x", 1, 3).Weight("bias", [2], [0.5f, -0.5f])).Output("y");

        var gemmT = Import(Model(m => m.Weight("w", [2, 3], nk).Node("Gemm", "fc", ["x", "w", "bias"], ["y"], ("transB", 1L)))).Result;
        var gemm = Import(Model(m => m.Weight("w", [3, 2], kn).Node("Gemm", "fc", ["x", "w", "bias"], ["y"]))).Result;
        var (matMul, workload) = Import(Model(m => m.Weight("w", [3, 2], kn)
            .Node("MatMul", "fc", ["x", "w"], ["t"]).Node("Add", "fc_bias", ["t", "bias"], ["y"])));

        foreach (var r in new[] { gemmT, gemm, matMul })
        {
            Assert.Equal(nk, r.Weights.Single(w => w.Name == "fc.weight").Data);
            Assert.Equal([2, 3], r.Weights.Single(w => w.Name == "fc.weight").Shape.ToArray());
            Assert.Equal([0.5f, -0.5f], r.Weights.Single(w => w.Name == "fc.bias").Data);
        }

        Assert.Single(workload.Layers);
        Assert.True(workload.Layers[0].Bias);
        Assert.Contains(matMul.Notes, n => n.Contains("Add by a constant folded into fc's weight and bias", StringComparison.Ordinal));
    }

    [Fact]
    public void MatMul_without_bias_writes_bias_false()
    {
        var (result, workload) = Import(new OnnxTestModel().Input("x", 1, 3).Weight("w", 3, 2).Node("MatMul", "fc", ["x", "w"], ["y"]).Output("y"));

        Assert.Contains("{name: fc, kind: fc, out_features: 2, bias: false}", result.WorkloadYaml, StringComparison.Ordinal);
        Assert.False(workload.Layers[0].Bias);
    }

    [Fact]
    public void Clip_0_6_is_relu6_from_inputs_in_opset_11_and_later_and_from_attributes_before()
    {
        var recent = new OnnxTestModel { Opset = 13 }.Input("x", 1, 2, 4, 4).Weight("lo", [], [0f]).Weight("hi", [], [6f])
            .Node("Clip", "act", ["x", "lo", "hi"], ["y"]).Output("y");
        var old = new OnnxTestModel { Opset = 6 }.Input("x", 1, 2, 4, 4)
            .Node("Clip", "act", ["x"], ["y"], ("min", 0f), ("max", 6f)).Output("y");
        var relu = new OnnxTestModel { Opset = 13 }.Input("x", 1, 2, 4, 4).Weight("lo", [], [0f])
            .Node("Clip", "act", ["x", "lo"], ["y"]).Output("y");

        Assert.Equal(ActivationKind.Relu6, Import(recent).Workload.Layers[0].Activation);
        Assert.Equal(ActivationKind.Relu6, Import(old).Workload.Layers[0].Activation);
        Assert.Equal(ActivationKind.Relu, Import(relu).Workload.Layers[0].Activation);
    }

    [Fact]
    public void Clip_to_another_range_is_an_error()
    {
        var e = ImportError(new OnnxTestModel { Opset = 6 }.Input("x", 1, 2, 4, 4).Node("Clip", "act", ["x"], ["y"], ("min", -1f), ("max", 1f)).Output("y"));

        Assert.Contains("node 'act' (op Clip): Clip to [-1, 1] is not supported", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_operators_are_all_named_with_their_nodes()
    {
        var e = ImportError(new OnnxTestModel().Input("x", 1, 10)
            .Node("HardSwish", "hs", ["x"], ["p"]).Node("LeakyRelu", "leaky", ["p"], ["y"]).Output("y"));

        Assert.Equal(2, e.Errors.Length);
        Assert.Contains("model.onnx: graph.node[0]: node 'hs' (op HardSwish) is not supported; supported: Add, AveragePool,", e.Message, StringComparison.Ordinal);
        Assert.Contains("node 'leaky' (op LeakyRelu) is not supported", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asymmetric_pads_that_change_the_windows_are_an_error_and_equivalent_ones_a_note()
    {
        OnnxTestModel Model(long[] pads) => new OnnxTestModel().Input("x", 1, 1, 8, 8).Weight("w", 2, 1, 3, 3)
            .Node("Conv", "c", ["x", "w"], ["y"], ("strides", new long[] { 2, 2 }), ("pads", pads)).Output("y");

        var e = ImportError(Model([0, 0, 1, 1]));
        var (ok, workload) = Import(Model([1, 1, 0, 0]));

        Assert.Contains("pads [0, 0, 1, 1] are not supported", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, workload.Layers[0].Padding);
        Assert.Equal(4, workload.Layers[0].OutputShape.Height);
        Assert.Contains(ok.Notes, n => n.Contains("pads [1, 1, 0, 0] give the same windows as padding 1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_non_float_weight_is_an_error()
    {
        var e = ImportError(new OnnxTestModel().Input("x", 1, 3).Tensor("w", [3, 2], 7, new byte[48]).Node("MatMul", "fc", ["x", "w"], ["y"]).Output("y"));

        Assert.Contains("node 'fc' (op MatMul): tensor 'w' is int64; only float32 weights import", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dilated_conv_and_a_weight_that_does_not_fit_are_errors()
    {
        var dilated = ImportError(new OnnxTestModel().Input("x", 1, 1, 8, 8).Weight("w", 2, 1, 3, 3)
            .Node("Conv", "c", ["x", "w"], ["y"], ("dilations", new long[] { 2, 2 })).Output("y"));
        var misfit = ImportError(new OnnxTestModel().Input("x", 1, 3, 8, 8).Weight("w", 2, 1, 3, 3)
            .Node("Conv", "c", ["x", "w"], ["y"]).Output("y"));

        Assert.Contains("dilations [2, 2]", dilated.Message, StringComparison.Ordinal);
        Assert.Contains("does not fit an input of 3 channels", misfit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reshape_to_N_minus_1_is_a_flatten_and_Identity_and_Dropout_pass_through()
    {
        var model = new OnnxTestModel().Input("x", 1, 2, 3, 3).Int64s("shape", 0, -1).Weight("w", 4, 18)
            .Node("Identity", "id", ["x"], ["i"])
            .Node("Reshape", "reshape", ["i", "shape"], ["f"])
            .Node("Dropout", "drop", ["f"], ["d"])
            .Node("Gemm", "fc", ["d", "w"], ["y"], ("transB", 1L))
            .Output("y");

        var (result, workload) = Import(model);

        Assert.Equal(["reshape", "fc"], workload.Layers.Select(l => l.Name));
        Assert.Equal(LayerKind.Flatten, workload.Layers[0].Kind);
        Assert.Contains("{name: fc, kind: fc, out_features: 4, bias: false}", result.WorkloadYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Reshape_to_another_shape_is_an_error()
    {
        var e = ImportError(new OnnxTestModel().Input("x", 1, 2, 3, 3).Int64s("shape", 1, 3, 6)
            .Node("Reshape", "r", ["x", "shape"], ["y"]).Output("y"));

        Assert.Contains("Reshape of a 2x3x3 input to [1, 3, 6] is not supported; expected [N, -1] (a flatten) or a shape that only adds or drops 1s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pooling_over_the_whole_input_becomes_global_avgpool()
    {
        var model = new OnnxTestModel().Input("x", 1, 8, 7, 7)
            .Node("AveragePool", "pool", ["x"], ["y"], ("kernel_shape", new long[] { 7, 7 })).Output("y");

        var (result, workload) = Import(model);

        Assert.Equal(LayerKind.GlobalAvgPool, workload.Layers[0].Kind);
        Assert.Single(result.Notes);
    }

    [Fact]
    public void Layer_names_are_sanitized_made_unique_and_default_to_op_and_index()
    {
        var model = new OnnxTestModel().Input("x", 1, 2, 4, 4)
            .Node("Relu", "1/relu:0", ["x"], ["a"])
            .Node("Relu", "1/relu:0", ["a"], ["b"])
            .Node("Relu", "", ["b"], ["c"])
            .Node("Relu", "input", ["c"], ["d"])
            .Node("Relu", "true", ["d"], ["y"])
            .Output("y");

        var (_, workload) = Import(model);

        Assert.Equal(["n1_relu_0", "n1_relu_0_2", "relu2", "input_", "true_"], workload.Layers.Select(l => l.Name));
    }

    [Fact]
    public void A_file_that_is_not_onnx_is_an_error_naming_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("model.onnx", "\u0007this is not a protobuf at all");

        var e = Assert.Throws<SpecException>(() => OnnxImporter.Import(path, "net"));

        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains("not an ONNX model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_channel_dimension_is_an_error()
    {
        var e = ImportError(new OnnxTestModel().Input("x", 1, -1, 4, 4).Node("Relu", "r", ["x"], ["y"]).Output("y"));

        Assert.Contains("input 'x' has shape [1, ?, 4, 4]; expected [N, C, H, W] or [N, F]", e.Message, StringComparison.Ordinal);
    }
}
