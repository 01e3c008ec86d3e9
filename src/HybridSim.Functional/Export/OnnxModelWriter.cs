using Google.Protobuf;

namespace HybridSim.Functional.Export;

/// <summary>
/// Encodes an ONNX ModelProto field by field with <see cref="CodedOutputStream"/> (field numbers from onnx.proto, the
/// ones <c>Import/OnnxReader</c> decodes): nodes, float32 initializers (raw little-endian data), and float32 graph
/// inputs and outputs whose first dimension is the symbolic batch.
/// </summary>
internal sealed class OnnxModelWriter
{
    /// <summary>ONNX IR version 8 (ONNX 1.10 and later read it; opset 13 needs at least 7).</summary>
    public const long IrVersion = 8;

    private const int FloatType = 1;
    private readonly List<byte[]> _nodes = [];
    private readonly List<byte[]> _initializers = [];
    private readonly List<byte[]> _inputs = [];
    private readonly List<byte[]> _outputs = [];

    public void Node(string op, string name, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params (string Name, object Value)[] attributes)
    {
        _nodes.Add(Message(w =>
        {
            foreach (var i in inputs)
            {
                String(w, 1, i);
            }

            foreach (var o in outputs)
            {
                String(w, 2, o);
            }

            String(w, 3, name);
            String(w, 4, op);
            foreach (var (attribute, value) in attributes)
            {
                Bytes(w, 5, Attribute(attribute, value));
            }
        }));
    }

    public void Initializer(string name, IReadOnlyList<int> dims, float[] values)
    {
        _initializers.Add(Message(w =>
        {
            foreach (var d in dims)
            {
                w.WriteTag(1, WireFormat.WireType.Varint);
                w.WriteInt64(d);
            }

            w.WriteTag(2, WireFormat.WireType.Varint);
            w.WriteInt32(FloatType);
            String(w, 8, name);
            var raw = new byte[values.Length * 4];
            for (var i = 0; i < values.Length; i++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(4 * i), values[i]);
            }

            w.WriteTag(9, WireFormat.WireType.LengthDelimited);
            w.WriteBytes(ByteString.CopyFrom(raw));
        }));
    }

    /// <summary>A float32 graph input [batch, dims...].</summary>
    public void Input(string name, IReadOnlyList<int> dims) => _inputs.Add(ValueInfo(name, dims));

    /// <summary>A float32 graph output [batch, dims...].</summary>
    public void Output(string name, IReadOnlyList<int> dims) => _outputs.Add(ValueInfo(name, dims));

    public byte[] Model(string graphName, long opset, string producerVersion) => Message(w =>
    {
        w.WriteTag(1, WireFormat.WireType.Varint);
        w.WriteInt64(IrVersion);
        String(w, 2, "hybridsim");
        String(w, 3, producerVersion);
        Bytes(w, 7, Message(g =>
        {
            foreach (var n in _nodes)
            {
                Bytes(g, 1, n);
            }

            String(g, 2, graphName);
            foreach (var t in _initializers)
            {
                Bytes(g, 5, t);
            }

            foreach (var i in _inputs)
            {
                Bytes(g, 11, i);
            }

            foreach (var o in _outputs)
            {
                Bytes(g, 12, o);
            }
        }));
        Bytes(w, 8, Message(o =>
        {
            String(o, 1, "");
            o.WriteTag(2, WireFormat.WireType.Varint);
            o.WriteInt64(opset);
        }));
    });

    private static byte[] ValueInfo(string name, IReadOnlyList<int> dims) => Message(w =>
    {
        String(w, 1, name);
        var tensor = Message(t =>
        {
            t.WriteTag(1, WireFormat.WireType.Varint);
            t.WriteInt32(FloatType);
            Bytes(t, 2, Message(s =>
            {
                Bytes(s, 1, Message(d => String(d, 2, "batch")));
                foreach (var dim in dims)
                {
                    Bytes(s, 1, Message(d =>
                    {
                        d.WriteTag(1, WireFormat.WireType.Varint);
                        d.WriteInt64(dim);
                    }));
                }
            }));
        });
        Bytes(w, 2, Message(type => Bytes(type, 1, tensor)));
    });

    /// <summary>An AttributeProto of an int (long), a float, a string or an ints (long[]) value.</summary>
    private static byte[] Attribute(string name, object value) => Message(w =>
    {
        String(w, 1, name);
        switch (value)
        {
            case float f:
                w.WriteTag(2, WireFormat.WireType.Fixed32);
                w.WriteFloat(f);
                w.WriteTag(20, WireFormat.WireType.Varint);
                w.WriteInt32(1);
                break;
            case long i:
                w.WriteTag(3, WireFormat.WireType.Varint);
                w.WriteInt64(i);
                w.WriteTag(20, WireFormat.WireType.Varint);
                w.WriteInt32(2);
                break;
            case string s:
                Bytes(w, 4, System.Text.Encoding.UTF8.GetBytes(s));
                w.WriteTag(20, WireFormat.WireType.Varint);
                w.WriteInt32(3);
                break;
            case long[] ints:
                foreach (var i in ints)
                {
                    w.WriteTag(8, WireFormat.WireType.Varint);
                    w.WriteInt64(i);
                }

                w.WriteTag(20, WireFormat.WireType.Varint);
                w.WriteInt32(7);
                break;
            default:
                throw new ArgumentException($"attribute '{name}' has a value of type {value.GetType().Name}; expected long, float, string or long[]", nameof(value));
        }
    });

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        write(output);
        output.Flush();
        return stream.ToArray();
    }

    private static void String(CodedOutputStream w, int field, string value)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteString(value);
    }

    private static void Bytes(CodedOutputStream w, int field, byte[] value)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteBytes(ByteString.CopyFrom(value));
    }
}
