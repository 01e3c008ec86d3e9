using HybridSim.Functional.Import;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Import;

/// <summary>Constant folding and the layout operators of the importer, on hand-made graphs with hand-computed results.</summary>
public sealed class ConstantFoldingTests
{
    private static ConstantTensor Ints(long[] dims, params double[] values) => new(dims, values, true);

    private static (ImportResult Result, WorkloadSpec Workload) Import(OnnxTestModel model)
    {
        using var dir = new TempDirectory();
        var result = OnnxImporter.Import(model.Save(dir.Sub("model.onnx")), "net");
        return (result, WorkloadLoader.Parse(result.WorkloadYaml, "net.yaml"));
    }

    private static SpecException ImportError(OnnxTestModel model)
    {
        using var dir = new TempDirectory();
        var path = model.Save(dir.Sub("model.onnx"));
        return Assert.Throws<SpecException>(() => OnnxImporter.Import(path, "net"));
    }

    [Fact]
    public void Slice_with_a_negative_step_walks_backwards_as_PyTorchs_pad_export_needs()
    {
        // [[0, 1], [2, 3], [4, 5], [6, 7]] rows reversed: starts -1, ends -(huge), step -1.
        var x = Ints([4, 2], 0, 1, 2, 3, 4, 5, 6, 7);

        var y = x.Slice([-1], [long.MinValue + 1], [0], [-1]);

        Assert.Equal([4L, 2L], y.Dims);
        Assert.Equal([6.0, 7, 4, 5, 2, 3, 0, 1], y.Values);
        Assert.Equal([1.0, 3], x.Slice([1], [long.MaxValue], [1], [2]).Values.Take(2));
    }

    [Fact]
    public void Gather_Concat_Transpose_and_broadcast_arithmetic_give_hand_computed_values()
    {
        var shape = Ints([4], double.NaN, 16, 5, 5);
        var m = Ints([2, 3], 1, 2, 3, 4, 5, 6);

        var batch = shape.Gather(Ints([], 0), 0);
        var picked = m.Gather(Ints([2], 2, 0), 1);
        var joined = batch.Unsqueeze([0]).Concat([batch.Unsqueeze([0]), Ints([1], -1)], 0);
        var sum = ConstantTensor.Broadcast(Ints([2, 1], 10, 20), Ints([3], 1, 2, 3), "Add");

        Assert.Empty(batch.Dims);
        Assert.True(double.IsNaN(batch.Values[0]));
        Assert.Equal([3.0, 1, 6, 4], picked.Values);
        Assert.Equal([2L], joined.Dims);
        Assert.True(double.IsNaN(joined.Values[0]));
        Assert.Equal(-1, joined.Values[1]);
        Assert.Equal([1.0, 4, 2, 5, 3, 6], m.Transpose([1, 0]).Values);
        Assert.Equal([2L, 3L], sum.Dims);
        Assert.Equal([11.0, 12, 13, 21, 22, 23], sum.Values);
        Assert.Equal([-3.0], ConstantTensor.Broadcast(Ints([1], -7), Ints([1], 2), "Div").Values);
    }

    [Fact]
    public void A_ConstantOfShape_beyond_the_fold_limit_is_an_error_naming_the_node()
    {
        var e = ImportError(new OnnxTestModel().Input("x", 1, 4).Int64s("shape", 1 << 20, 1 << 20)
            .Node("ConstantOfShape", "huge", ["shape"], ["c"]).Node("Relu", "r", ["x"], ["y"]).Output("y"));

        Assert.Contains("node 'huge' (op ConstantOfShape): does not fold to a constant", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dropout_in_training_mode_is_an_error_and_in_inference_passes_through()
    {
        OnnxTestModel Model(byte training) => new OnnxTestModel().Input("x", 1, 4).Tensor("train", [], 9, [training])
            .Node("Dropout", "drop", ["x", "", "train"], ["y"]).Output("y");

        var e = ImportError(Model(1));
        var ok = new OnnxTestModel().Input("x", 1, 4).Weight("w", 4, 2).Tensor("train", [], 9, [0])
            .Node("Dropout", "drop", ["x", "", "train"], ["d"]).Node("MatMul", "fc", ["d", "w"], ["y"]).Output("y");

        Assert.Contains("node 'drop' (op Dropout): Dropout in training mode", e.Message, StringComparison.Ordinal);
        Assert.Single(Import(ok).Workload.Layers);
    }

    [Fact]
    public void Softmax_at_the_output_is_dropped_with_a_note_and_elsewhere_is_an_error()
    {
        var (result, workload) = Import(new OnnxTestModel().Input("x", 1, 4).Weight("w", 4, 3)
            .Node("MatMul", "fc", ["x", "w"], ["z"]).Node("Softmax", "prob", ["z"], ["y"]).Output("y"));
        var e = ImportError(new OnnxTestModel().Input("x", 1, 4).Weight("w", 4, 3)
            .Node("Softmax", "prob", ["x"], ["p"]).Node("MatMul", "fc", ["p", "w"], ["y"]).Output("y"));

        Assert.Equal(["fc"], workload.Layers.Select(l => l.Name));
        Assert.Contains(result.Notes, n => n.Contains("Softmax at the output dropped", StringComparison.Ordinal));
        Assert.Contains("node 'prob' (op Softmax): Softmax is supported only as the last operator", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReduceMean_over_H_and_W_is_global_avgpool_and_a_1x1_Transpose_is_a_no_op()
    {
        var (_, workload) = Import(new OnnxTestModel().Input("x", 1, 3, 4, 4).Weight("w", 3, 2)
            .Node("ReduceMean", "gap", ["x"], ["m"], ("axes", new long[] { 2, 3 }), ("keepdims", 1L))
            .Node("Transpose", "nhwc", ["m"], ["t"], ("perm", new long[] { 0, 2, 3, 1 }))
            .Node("Flatten", "flat", ["t"], ["f"], ("axis", 1L))
            .Node("MatMul", "fc", ["f", "w"], ["y"]).Output("y"));

        // The transpose gives [N, 1, 1, 3], the same bytes as the pool's [N, 3, 1, 1]: no layer of its own, and the
        // Flatten of that 1x1x3 map is a flatten layer (of the pool's 3x1x1 output in the workload).
        Assert.Equal([LayerKind.GlobalAvgPool, LayerKind.Flatten, LayerKind.Fc], workload.Layers.Select(l => l.Kind));
    }

    [Fact]
    public void A_Transpose_that_moves_data_a_Flatten_that_folds_the_batch_and_Gather_of_data_are_errors()
    {
        var transpose = ImportError(new OnnxTestModel().Input("x", 1, 3, 4, 4)
            .Node("Transpose", "nhwc", ["x"], ["y"], ("perm", new long[] { 0, 2, 3, 1 })).Output("y"));
        var flatten = ImportError(new OnnxTestModel().Input("x", 1, 3, 4, 4).Node("Flatten", "flat", ["x"], ["y"], ("axis", 0L)).Output("y"));
        var gather = ImportError(new OnnxTestModel().Input("x", 1, 4).Int64s("i", 0).Node("Gather", "g", ["x", "i"], ["y"]).Output("y"));

        Assert.Contains("node 'nhwc' (op Transpose): Transpose with perm [0, 2, 3, 1] reorders the data", transpose.Message, StringComparison.Ordinal);
        Assert.Contains("node 'flat' (op Flatten): Flatten with axis 0", flatten.Message, StringComparison.Ordinal);
        Assert.Contains("node 'g' (op Gather): Gather folds only when its inputs are constants", gather.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sub_and_Div_at_the_input_become_the_dataset_block_and_Mul_after_an_activation_is_an_error()
    {
        var (result, _) = Import(new OnnxTestModel().Input("x", 1, 2, 2, 2).Weight("m", [1, 2, 1, 1], [0.5f, 0.25f]).Weight("s", [2, 1, 1], [2f, 4f])
            .Weight("w", 3, 2, 1, 1).Node("Sub", "sub", ["x", "m"], ["a"]).Node("Div", "div", ["a", "s"], ["b"])
            .Node("Conv", "conv", ["b", "w"], ["y"]).Output("y"));
        var e = ImportError(new OnnxTestModel().Input("x", 1, 2, 2, 2).Weight("k", [], [3f])
            .Node("Relu", "relu", ["x"], ["r"]).Node("Mul", "scale", ["r", "k"], ["y"]).Output("y"));

        Assert.Contains("dataset: {mean: [0.5, 0.25], std: [2, 4]}\n", result.WorkloadYaml, StringComparison.Ordinal);
        Assert.Contains("node 'scale' (op Mul): Mul by a constant after activation layer 'relu' is not supported", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mul_then_Add_after_a_conv_scale_its_weight_and_give_it_a_bias()
    {
        var (result, workload) = Import(new OnnxTestModel().Input("x", 1, 1, 2, 2).Weight("w", [2, 1, 1, 1], [1f, -2f])
            .Weight("k", [1, 2, 1, 1], [3f, 0.5f]).Weight("b", [], [1f])
            .Node("Conv", "conv", ["x", "w"], ["c"]).Node("Mul", "mul", ["c", "k"], ["m"]).Node("Add", "add", ["m", "b"], ["y"]).Output("y"));

        Assert.Equal([3f, -1f], result.Weights.Single(w => w.Name == "conv.weight").Data);
        Assert.Equal([1f, 1f], result.Weights.Single(w => w.Name == "conv.bias").Data);
        Assert.True(workload.Layers.Single().Bias);
    }
}
