using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Specs.Tests.Workloads;

/// <summary>Every class of bad workload input: each error names the file, the line and column, and the field.</summary>
public sealed class WorkloadValidationTests
{
    private const string File = "bad.yaml";

    private static SpecException Fails(string yaml) =>
        Assert.Throws<SpecException>(() => WorkloadLoader.Parse(yaml, File));

    private static SpecError Single(string yaml) => Assert.Single(Fails(yaml).Errors);

    private static void AssertAt(SpecError error, int line, int column, string path, params string[] phrases)
    {
        Assert.Equal(File, error.File);
        Assert.Equal((line, column, path), (error.Line, error.Column, error.Path));
        foreach (var phrase in phrases)
        {
            Assert.Contains(phrase, error.Message, StringComparison.Ordinal);
        }

        Assert.StartsWith($"{File}:{line}:{column}: {path}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Add_of_different_shapes_is_reported_at_the_mismatched_input()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: a, kind: conv, out_channels: 8, kernel: 1}
              - {name: sum, kind: add, inputs: [a, input]}
            """);

        AssertAt(error, 5, 40, "layers[sum].inputs", "shape mismatch", "'input' gives 4x8x8", "'a' gives 8x8x8");
    }

    [Fact]
    public void Add_of_a_strided_narrower_input_suggests_pad_shortcut()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: a, kind: conv, out_channels: 8, kernel: 1, stride: 2}
              - {name: sum, kind: add, inputs: [a, input]}
            """);

        AssertAt(error, 5, 40, "layers[sum].inputs", "pad_shortcut: true");
    }

    [Fact]
    public void Pad_shortcut_with_more_channels_than_the_main_path_is_an_error()
    {
        var error = Single("""
            name: n
            input: [8, 8, 8]
            layers:
              - {name: a, kind: conv, out_channels: 4, kernel: 1, stride: 2}
              - {name: sum, kind: add, inputs: [a, input], pad_shortcut: true}
            """);

        AssertAt(error, 5, 40, "layers[sum].inputs", "at most as many channels");
    }

    [Fact]
    public void Symmetric_pad_shortcut_with_an_odd_channel_difference_is_an_error()
    {
        var error = Single("""
            name: n
            input: [3, 8, 8]
            layers:
              - {name: a, kind: conv, out_channels: 8, kernel: 1, stride: 2}
              - {name: sum, kind: add, inputs: [a, input], pad_shortcut: symmetric}
            """);

        AssertAt(error, 5, 40, "layers[sum].inputs", "pad_shortcut: symmetric", "must be even");
    }

    [Fact]
    public void Unknown_pad_shortcut_value_lists_the_placements()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: a, kind: conv, out_channels: 8, kernel: 1, stride: 2}
              - {name: sum, kind: add, inputs: [a, input], pad_shortcut: symetric}
            """);

        Assert.Equal("layers[sum].pad_shortcut", error.Path);
        Assert.Contains("'symmetric'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'end'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_input_is_reported_with_a_did_you_mean()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: conv_a, kind: conv, out_channels: 4, kernel: 1}
              - {name: relu, kind: activation, activation: relu, inputs: [conv_b]}
            """);

        AssertAt(error, 5, 63, "layers[relu].inputs", "unknown input 'conv_b'", "did you mean 'conv_a'?");
    }

    [Fact]
    public void Duplicate_layer_name_is_reported_at_the_second_with_the_first_position()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: c, kind: conv, out_channels: 4, kernel: 1}
              - {name: c, kind: activation, activation: relu}
            """);

        AssertAt(error, 5, 12, "layers[c].name", "duplicate layer name 'c'", "bad.yaml:4:12");
    }

    [Fact]
    public void Input_is_a_reserved_layer_name()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: input, kind: batchnorm}
            """);

        AssertAt(error, 4, 12, "layers[input].name", "reserved");
    }

    [Fact]
    public void Missing_required_field_is_reported_at_the_layer_with_what_is_expected()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - name: c
                kind: conv
                kernel: 3
                padding: 1
            """);

        AssertAt(error, 4, 5, "layers[c].out_channels", "missing required field 'out_channels'", "an integer from 1 to");
    }

    [Fact]
    public void Missing_top_level_fields_are_all_reported()
    {
        var errors = Fails("""
            description: nothing else
            """).Errors;

        Assert.Equal(["input", "layers", "name"], errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Contains("missing required field", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_kind_is_reported_with_a_did_you_mean()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: c, kind: convv, out_channels: 4, kernel: 1}
            """);

        AssertAt(error, 4, 21, "layers[c].kind", "unknown value 'convv'", "did you mean 'conv'?", "'global_avgpool'");
    }

    [Fact]
    public void Unknown_activation_is_reported_with_a_did_you_mean()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: a, kind: activation, activation: rleu}
            """);

        AssertAt(error, 4, 45, "layers[a].activation", "unknown value 'rleu'", "did you mean 'relu'?");
    }

    [Fact]
    public void Misspelt_key_is_reported_with_a_did_you_mean()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: c, kind: conv, out_channels: 4, kernel: 3, paddin: 1}
            """);

        AssertAt(error, 4, 55, "layers[c].paddin", "unknown key 'paddin'", "did you mean 'padding'?");
    }

    [Fact]
    public void Field_of_another_kind_is_named_as_misplaced()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: c, kind: conv, out_channels: 4, out_features: 4, kernel: 3}
            """);

        AssertAt(error, 4, 44, "layers[c].out_features", "does not apply to a conv layer", "field of fc");
    }

    [Fact]
    public void Non_positive_sizes_are_errors()
    {
        var errors = Fails("""
            name: n
            input: [4, 0, 8]
            layers:
              - {name: c, kind: conv, out_channels: -4, kernel: 0, stride: 0, padding: -1}
            """).Errors;

        Assert.Equal(["input[1]", "layers[c].out_channels", "layers[c].kernel", "layers[c].stride", "layers[c].padding"], errors.Select(e => e.Path));
        Assert.Equal([2, 4, 4, 4, 4], errors.Select(e => e.Line));
        Assert.Contains("must be positive", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("an integer from 0 to", errors[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absurd_sizes_are_errors_not_overflows()
    {
        var errors = Fails("""
            name: n
            input: [1000000, 1000000, 1000]
            layers:
              - {name: c, kind: conv, out_channels: 2000000, kernel: 3}
              - {name: f, kind: flatten, inputs: [input]}
              - {name: fc, kind: fc, out_features: 10, inputs: [f]}
              - {name: sum, kind: add, inputs: [c, fc]}
            """).Errors;

        Assert.Equal(["layers[c].out_channels", "layers[f].kind"], errors.Select(e => e.Path));
        Assert.Contains("out of range", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("1000000000000000 elements", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_types_say_what_was_expected()
    {
        var errors = Fails("""
            name: n
            input: 3x32x32
            layers:
              - {name: c, kind: conv, out_channels: 2.5, kernel: [3, 3, 3], bias: maybe}
            """).Errors;

        Assert.Equal(["input", "layers[c].out_channels", "layers[c].kernel", "layers[c].bias"], errors.Select(e => e.Path));
        Assert.Contains("[channels, height, width]", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("whole number", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("found 3 values", errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("true or false", errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_that_do_not_divide_the_input_channels_are_an_error()
    {
        var error = Single("""
            name: n
            input: [6, 8, 8]
            layers:
              - {name: dw, kind: conv, out_channels: 8, kernel: 3, groups: 4}
            """);

        AssertAt(error, 4, 64, "layers[dw].groups", "groups = 4 does not divide the 6 input channels");
    }

    [Fact]
    public void Kernel_larger_than_the_padded_input_is_a_non_positive_output_size()
    {
        var error = Single("""
            name: n
            input: [4, 2, 2]
            layers:
              - {name: c, kind: conv, out_channels: 4, kernel: 3}
            """);

        AssertAt(error, 4, 52, "layers[c].kernel", "larger than the input", "not be positive");
    }

    [Fact]
    public void Fc_on_a_feature_map_asks_for_a_flatten()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: c, kind: conv, out_channels: 4, kernel: 1}
              - {name: fc, kind: fc, out_features: 10}
            """);

        AssertAt(error, 5, 5, "layers[fc].inputs", "vector input", "'c' (4x8x8)", "flatten");
    }

    [Fact]
    public void Wrong_number_of_inputs_is_an_error()
    {
        var errors = Fails("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: c, kind: conv, out_channels: 4, kernel: 1, inputs: [input, input]}
              - {name: sum, kind: add, inputs: [c]}
            """).Errors;

        Assert.Equal(["layers[c].inputs", "layers[c].inputs", "layers[sum].inputs"], errors.Select(e => e.Path));
        Assert.Contains("exactly one input, found 2", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("listed twice", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("two or more inputs, found 1", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycle_is_reported_once_with_its_layers()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: a, kind: batchnorm, inputs: [c]}
              - {name: b, kind: batchnorm}
              - {name: c, kind: batchnorm}
            """);

        AssertAt(error, 4, 40, "layers[a].inputs", "cycle: a -> b -> c -> a");
    }

    [Fact]
    public void Layer_whose_output_is_never_used_is_an_error()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: a, kind: batchnorm}
              - {name: side, kind: conv, out_channels: 4, kernel: 1}
              - {name: b, kind: activation, activation: relu, inputs: [a]}
            """);

        AssertAt(error, 5, 12, "layers[side].name", "never used", "'b'");
    }

    [Fact]
    public void Shortcut_of_an_unknown_layer_is_reported_with_a_did_you_mean()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: block.conv1, kind: conv, out_channels: 4, kernel: 1}
              - {name: proj, kind: conv, out_channels: 4, kernel: 1, inputs: [input], shortcut_of: block.conv2}
              - {name: sum, kind: add, inputs: [block.conv1, proj]}
            """);

        AssertAt(error, 5, 88, "layers[proj].shortcut_of", "unknown layer 'block.conv2'", "did you mean 'block.conv1'?");
    }

    [Fact]
    public void Shortcut_must_read_the_same_input_as_its_blocks_first_conv()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: stem, kind: conv, out_channels: 4, kernel: 1}
              - {name: first, kind: conv, out_channels: 4, kernel: 1}
              - {name: proj, kind: conv, out_channels: 4, kernel: 1, inputs: [input], shortcut_of: first}
              - {name: sum, kind: add, inputs: [first, proj]}
            """);

        AssertAt(error, 6, 88, "layers[proj].shortcut_of", "reads the block input", "'stem'");
    }

    [Fact]
    public void Shortcut_of_a_non_weight_layer_is_an_error()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: bn, kind: batchnorm}
              - {name: proj, kind: conv, out_channels: 4, kernel: 1, inputs: [input], shortcut_of: bn}
              - {name: sum, kind: add, inputs: [bn, proj]}
            """);

        AssertAt(error, 5, 88, "layers[proj].shortcut_of", "'bn' is a batchnorm layer");
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_at_once_in_file_order()
    {
        var errors = Fails("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: c, kind: conv, out_channels: 4, kernal: 3}
              - {name: r, kind: activation, activation: rleu}
              - {name: s, kind: add, inputs: [r, missing]}
            """).Errors;

        Assert.Equal([4, 4, 5, 6], errors.Select(e => e.Line));
        Assert.Equal(["layers[c].kernel", "layers[c].kernal", "layers[r].activation", "layers[s].inputs"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Empty_layer_list_and_a_two_value_input_shape_are_errors()
    {
        var errors = Fails("""
            name: n
            input: [32, 32]
            layers: []
            """).Errors;

        Assert.Equal([("input", 2), ("layers", 3)], errors.Select(e => (e.Path, e.Line)));
        Assert.Contains("[channels, height, width]", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("found 2 values", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("one or more layers", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_on_a_pooling_layer_is_a_misplaced_field()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - {name: p, kind: maxpool, kernel: 2, rank: 4}
            """);

        AssertAt(error, 4, 41, "layers[p].rank", "does not apply to a maxpool layer", "field of conv, fc");
    }

    [Fact]
    public void Layer_that_is_not_a_mapping_is_an_error()
    {
        var error = Single("""
            name: n
            input: [4, 8, 8]
            layers:
              - conv
            """);

        AssertAt(error, 4, 5, "layers[0]", "expected a layer");
    }
}
