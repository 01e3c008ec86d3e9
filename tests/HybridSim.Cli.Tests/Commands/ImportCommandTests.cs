using Google.Protobuf;
using static HybridSim.Cli.Tests.CliHarness;

namespace HybridSim.Cli.Tests.Commands;

public sealed class ImportCommandTests : IDisposable
{
    private static readonly float[] Values = [1f, 2f, 3f, 4f, 5f, 6f];

    private readonly string _dir = Directory.CreateTempSubdirectory("hybridsim-cli-import-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string In(string name) => Path.Combine(_dir, name);

    /// <summary>A one-node ONNX model: input x [N, 3] through <paramref name="op"/> (MatMul with a 3x2 weight) to y.</summary>
    private string Model(string op, params (string Key, string Value)[] metadata)
    {
        static byte[] Message(Action<CodedOutputStream> write)
        {
            using var stream = new MemoryStream();
            using (var w = new CodedOutputStream(stream, leaveOpen: true))
            {
                write(w);
            }

            return stream.ToArray();
        }

        static void Field(CodedOutputStream w, int field, byte[] bytes)
        {
            w.WriteTag(field, WireFormat.WireType.LengthDelimited);
            w.WriteBytes(ByteString.CopyFrom(bytes));
        }

        static void Text(CodedOutputStream w, int field, string text) => Field(w, field, System.Text.Encoding.UTF8.GetBytes(text));

        static byte[] Dim(long value) => Message(d =>
        {
            d.WriteTag(1, WireFormat.WireType.Varint);
            d.WriteInt64(value);
        });

        var graph = Message(g =>
        {
            Field(g, 1, Message(n =>
            {
                Text(n, 1, "x");
                Text(n, 1, "w");
                Text(n, 2, "y");
                Text(n, 3, "head");
                Text(n, 4, op);
            }));
            Field(g, 5, Message(t =>
            {
                t.WriteTag(1, WireFormat.WireType.Varint);
                t.WriteInt64(3);
                t.WriteTag(1, WireFormat.WireType.Varint);
                t.WriteInt64(2);
                t.WriteTag(2, WireFormat.WireType.Varint);
                t.WriteInt32(1);
                Text(t, 8, "w");
                Field(t, 9, [.. Values.SelectMany(BitConverter.GetBytes)]);
            }));
            Field(g, 11, Message(v =>
            {
                Text(v, 1, "x");
                Field(v, 2, Message(type => Field(type, 1, Message(tensor =>
                {
                    tensor.WriteTag(1, WireFormat.WireType.Varint);
                    tensor.WriteInt32(1);
                    Field(tensor, 2, Message(shape =>
                    {
                        Field(shape, 1, Dim(1));
                        Field(shape, 1, Dim(3));
                    }));
                }))));
            }));
            Field(g, 12, Message(v => Text(v, 1, "y")));
        });
        var model = Message(m =>
        {
            Field(m, 7, graph);
            Field(m, 8, Message(o =>
            {
                o.WriteTag(2, WireFormat.WireType.Varint);
                o.WriteInt64(13);
            }));
            foreach (var (key, value) in metadata)
            {
                Field(m, 14, Message(e =>
                {
                    Text(e, 1, key);
                    Text(e, 2, value);
                }));
            }
        });
        var path = In(op + ".onnx");
        File.WriteAllBytes(path, model);
        return path;
    }

    [Fact]
    public void Import_writes_a_workload_that_validates_and_its_weights()
    {
        var yaml = In("workloads/tiny-mlp.yaml");

        var (code, output, error) = Invoke("import", Model("MatMul"), "--out", yaml, "--weights", In("tiny-mlp.npz"));

        Assert.True(code == 0, error);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal($"imported MatMul.onnx: 1 layers, 1 weight layers, 6 parameters -> {yaml}, {In("tiny-mlp.npz")}", lines[0]);
        Assert.StartsWith("  note: no preprocessing given: the model will see pixels scaled to [0, 1] (pixels / 255), not normalized.", lines[1], StringComparison.Ordinal);
        Assert.Contains("--mean M[,M...] --std S[,S...]", lines[1], StringComparison.Ordinal);
        Assert.Contains("name: tiny-mlp\n", File.ReadAllText(yaml), StringComparison.Ordinal);
        Assert.DoesNotContain("dataset:", File.ReadAllText(yaml), StringComparison.Ordinal);
        Assert.True(File.Exists(In("tiny-mlp.npz")));
        var validate = Invoke("validate", "--arch", Arch("puma.yaml"), "--workload", yaml);
        Assert.True(validate.Code == 0, validate.Err);
    }

    [Fact]
    public void Mean_std_and_pad_options_write_the_dataset_block()
    {
        var yaml = In("norm.yaml");

        var (code, output, error) = Invoke("import", Model("MatMul"), "--out", yaml, "--weights", In("norm.npz"), "--mean", "0.1,0.2,0.3", "--std", "0.5, 0.25, 2");

        Assert.True(code == 0, error);
        Assert.Contains("dataset: {mean: [0.1, 0.2, 0.3], std: [0.5, 0.25, 2]}", File.ReadAllText(yaml), StringComparison.Ordinal);
        Assert.Contains("note: preprocessing from --mean and --std: pixels / 255, then (x - mean) / std per channel", output, StringComparison.Ordinal);
        var dataset = HybridSim.Specs.Workloads.WorkloadLoader.Load(yaml).Dataset!;
        Assert.Equal([0.1, 0.2, 0.3], dataset.Mean.ToArray());
        Assert.Equal([0.5, 0.25, 2.0], dataset.Std.ToArray());
    }

    [Fact]
    public void The_onnx_metadata_gives_the_dataset_block_and_options_override_it()
    {
        var model = Model("MatMul", ("mean", "[0.485, 0.456, 0.406]"), ("std", "0.229,0.224,0.225"));

        var fromMetadata = Invoke("import", model, "--out", In("meta.yaml"), "--weights", In("meta.npz"));
        var overridden = Invoke("import", model, "--out", In("over.yaml"), "--weights", In("over.npz"), "--mean", "0,0,0");

        Assert.True(fromMetadata.Code == 0, fromMetadata.Err);
        Assert.Contains("dataset: {mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]}", File.ReadAllText(In("meta.yaml")), StringComparison.Ordinal);
        Assert.Contains("preprocessing from the model's metadata_props", fromMetadata.Out, StringComparison.Ordinal);
        Assert.True(overridden.Code == 0, overridden.Err);
        Assert.Contains("dataset: {mean: [0, 0, 0], std: [0.229, 0.224, 0.225]}", File.ReadAllText(In("over.yaml")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--mean", "0.5", "--mean: 1 value for input 3x1x1; expected numbers separated by commas, one per input channel (3)")]
    [InlineData("--std", "1,0,1", "--std: '0' is not a positive number")]
    [InlineData("--mean", "a,b,c", "--mean: 'a' is not a number")]
    public void Bad_preprocessing_exits_1_naming_the_option_and_writes_nothing(string option, string value, string message)
    {
        var (code, output, error) = Invoke("import", Model("MatMul"), "--out", In("bad.yaml"), "--weights", In("bad.npz"), option, value);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(In("bad.yaml")));
        Assert.False(File.Exists(In("bad.npz")));
    }

    [Fact]
    public void An_unsupported_operator_exits_1_naming_the_node_and_op_and_writes_nothing()
    {
        var (code, output, error) = Invoke("import", Model("HardSwish"), "--out", In("net.yaml"), "--weights", In("net.npz"));

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("node 'head' (op HardSwish) is not supported; supported: ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(In("net.yaml")));
        Assert.False(File.Exists(In("net.npz")));
    }

    [Fact]
    public void A_missing_model_exits_1()
    {
        var (code, _, error) = Invoke("import", In("none.onnx"), "--out", In("net.yaml"), "--weights", In("net.npz"));

        Assert.Equal(1, code);
        Assert.Contains("none.onnx: : file not found", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--out", "net.txt")]
    [InlineData("--weights", "net.npy")]
    public void Wrong_file_kinds_are_usage_errors(string option, string file)
    {
        var args = new List<string> { "import", Model("MatMul"), "--out", In("net.yaml"), "--weights", In("net.npz") };
        args[args.IndexOf(option) + 1] = In(file);

        var (code, _, error) = Invoke([.. args]);

        Assert.Equal(2, code);
        Assert.Contains(option + " must name", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_options_are_usage_errors()
    {
        Assert.Equal(2, Invoke("import", Model("MatMul"), "--out", In("net.yaml")).Code);
        Assert.Equal(2, Invoke("import", "--out", In("net.yaml"), "--weights", In("net.npz")).Code);
    }
}
