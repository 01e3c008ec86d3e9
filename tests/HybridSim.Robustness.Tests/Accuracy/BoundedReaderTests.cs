using System.Buffers.Binary;
using System.Text;
using HybridSim.Functional.Tests.Import;
using static HybridSim.Robustness.Tests.Accuracy.HostileFiles;

namespace HybridSim.Robustness.Tests.Accuracy;

/// <summary>
/// Issue 24, cases 1 to 4 and 18: compressed and container inputs are read by one bounded reader that checks declared
/// sizes before allocating, and messages quote short excerpts. Each case is exit 1 in seconds and under 1 GB.
/// </summary>
public sealed class BoundedReaderTests
{
    [Fact]
    public void Case01_a_gzipped_idx_declaring_12_million_images_is_refused_from_its_header()
    {
        using var dir = new TempDirectory();
        var header = new byte[16 + (1 << 20)];
        BinaryPrimitives.WriteInt32BigEndian(header, 0x803);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 12_000_000);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), 28);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), 28);
        var images = dir.File("t10k-images-idx3-ubyte.gz", HybridSim.Functional.Tests.Data.DataFiles.Gzip(header));
        var labels = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(labels, 0x801);
        BinaryPrimitives.WriteInt32BigEndian(labels.AsSpan(4), 12_000_000);
        dir.File("t10k-labels-idx1-ubyte.gz", HybridSim.Functional.Tests.Data.DataFiles.Gzip(labels));
        var result = Measured(["evaluate", "--arch", Cli.Arch("hyperx-128-16b.yaml"), "--workload", "lenet5-fashion", "--weights", ShippedWeights,
            "--data", images, "--freeze", "1", "--path", "fast"]);
        Cli.AssertInputError(result, images, "--data", "declares 9408000016 bytes", "512 MiB");
    }

    [Fact]
    public void Case01_a_csv_gz_that_inflates_past_the_limit_is_refused_without_holding_it()
    {
        using var dir = new TempDirectory();
        var row = "0" + string.Concat(Enumerable.Repeat(",0", 64)) + "\n";
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(row, (8 << 20) / row.Length)));
        var csv = dir.File("big.csv.gz", GzipRepeated(chunk, 70)); // 560 MiB of text from a few hundred KB
        var result = Measured(EvaluateData(csv));
        Cli.AssertInputError(result, csv, "--data", "inflates past the limit", "512 MiB");
    }

    [Fact]
    public void Case01_a_csv_larger_than_the_data_limit_is_refused_before_reading()
    {
        using var dir = new TempDirectory();
        var csv = Path.Combine(dir.Path, "huge.csv");
        using (var f = File.Create(csv))
        {
            f.SetLength(600L << 20); // sparse: nothing is written, the size is what is refused
        }

        var result = Measured(EvaluateData(csv));
        Cli.AssertInputError(result, csv, "--data", "may be at most 536870912 bytes (512 MiB)");
    }

    [Fact]
    public void Case02_an_npz_whose_entries_share_one_member_is_refused_as_overlapping()
    {
        using var dir = new TempDirectory();
        var member = Npy("<f4", "(200000,)", new byte[800_000]);
        var names = new[] { "conv1.weight.npy", "conv1.bias.npy", "conv2.weight.npy", "conv2.bias.npy", "fc.weight.npy", "fc.bias.npy", "x.npy", "y.npy" };
        var weights = dir.File("overlap.npz", OverlappingZip(member, names));
        var result = Measured(Evaluate(weights));
        Cli.AssertInputError(result, weights, "inconsistent zip", "overlap");
    }

    [Fact]
    public void Case02_an_npz_with_two_members_of_one_name_is_refused()
    {
        using var dir = new TempDirectory();
        var member = Npy("<f4", "(2,)", new byte[8]);
        var weights = dir.File("twice.npz", Zip(("fc.bias.npy", member), ("fc.bias.npy", member)));
        var result = Measured(Evaluate(weights));
        Cli.AssertInputError(result, weights, "fc.bias.npy", "two members of this name");
    }

    [Fact]
    public void Case03_an_npy_header_declaring_4_GB_is_refused_before_allocating()
    {
        using var dir = new TempDirectory();
        var weights = dir.File("huge.npz", Zip(("fc.weight.npy", Npy("<f4", "(1000000000,)", new byte[64]))));
        var result = Measured(Evaluate(weights));
        Cli.AssertInputError(result, weights, "fc.weight.npy", "declares 4000000000 data bytes", "1 GiB");
    }

    [Fact]
    public void Case03_a_sweep_with_such_weights_fails_once_before_any_point()
    {
        using var dir = new TempDirectory();
        var weights = dir.File("huge.npz", Zip(("fc.weight.npy", Npy("<f4", "(1000000000,)", new byte[64]))));
        var output = dir.Sub("sweep");
        var result = Measured("sweep", "freeze", "--arch", Cli.Arch("hyperx-128-16b.yaml"), "--workload", "cnn-digits", "--weights", weights,
            "--data", "digits", "--path", "fast", "--out", output);
        Cli.AssertInputError(result, weights, "declares 4000000000 data bytes");
        Assert.False(Directory.Exists(Path.Combine(output, "failed")), "no point ran, so none failed");
    }

    [Fact]
    public void Case04_an_onnx_node_name_of_100000_characters_is_refused_with_an_excerpt()
    {
        using var dir = new TempDirectory();
        var model = dir.File("long.onnx", new OnnxTestModel()
            .Input("x", 1, 4).Weight("W", 3, 4)
            .Node("Gemm", new string('n', 100_000), ["x", "W"], ["y"], ("transB", 1L))
            .Output("y").Bytes());
        var result = Measured("import", model, "--out", dir.Sub("long.yaml"), "--weights", dir.Sub("long.npz"));
        Cli.AssertInputError(result, model, "graph.node[0]", "100000 characters long", "at most 200");
        Assert.True(result.Err.Length < 1000, $"message of {result.Err.Length} characters");
        Assert.False(File.Exists(dir.Sub("long.npz")));
    }

    [Fact]
    public void Case04_one_initializer_shared_by_6500_gemm_nodes_is_counted_at_every_use()
    {
        using var dir = new TempDirectory();
        var onnx = new OnnxTestModel().Input("x0", 1, 420).Weight("W", [420, 420], new float[420 * 420]);
        for (var i = 0; i < 6500; i++)
        {
            onnx.Node("Gemm", $"g{i}", [$"x{i}", "W"], [$"x{i + 1}"], ("transB", 1L));
        }

        var model = dir.File("shared.onnx", onnx.Output("x6500").Bytes());
        Assert.True(new FileInfo(model).Length < 2 << 20);
        var result = Measured("import", model, "--out", dir.Sub("shared.yaml"), "--weights", dir.Sub("shared.npz"));
        Cli.AssertInputError(result, model, "counted at every node that uses them", "at most 100,000,000");
        Assert.False(File.Exists(dir.Sub("shared.npz")));
    }

    [Fact]
    public void Case18_a_10_MB_csv_field_is_quoted_as_a_short_excerpt_with_control_characters_escaped()
    {
        using var dir = new TempDirectory();
        var field = "\u001b[31m" + new string('x', 10 << 20);
        var csv = dir.File("long-field.csv", "0," + field + "\n");
        var result = Measured(EvaluateData(csv));
        Cli.AssertInputError(result, csv, "field 2", "\\x1B[31mxxx", "bytes)");
        Assert.True(result.Err.Length < 1000, $"message of {result.Err.Length} characters");
        Assert.DoesNotContain("\u001b", result.Err);
    }
}
