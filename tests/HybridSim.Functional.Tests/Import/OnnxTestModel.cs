using Google.Protobuf;

namespace HybridSim.Functional.Tests.Import;

/// <summary>Writes small ONNX models for the importer's tests, field by field as onnx.proto numbers them.</summary>
internal sealed class OnnxTestModel
{
    private readonly List<byte[]> _nodes = [];
    private readonly List<byte[]> _initializers = [];
    private readonly List<byte[]> _inputs = [];
    private readonly List<byte[]> _outputs = [];

    public long Opset { get; init; } = 13;

    public OnnxTestModel Input(string name, params long[] dims)
    {
        _inputs.Add(ValueInfo(name, dims));
        return this;
    }

    public OnnxTestModel Output(string name)
    {
        _outputs.Add(ValueInfo(name, []));
        return this;
    }

    /// <summary>A float32 initializer with values 0.01·(i+1)·sign, so transposes and orders show.</summary>
    public OnnxTestModel Weight(string name, params long[] dims)
    {
        var count = dims.Aggregate(1L, (a, d) => a * d);
        return Weight(name, dims, [.. Enumerable.Range(0, (int)count).Select(i => 0.01f * (i + 1) * (i % 3 == 0 ? -1 : 1))]);
    }

    public OnnxTestModel Weight(string name, long[] dims, float[] values, bool raw = true)
    {
        _initializers.Add(Tensor(name, dims, 1, w =>
        {
            if (raw)
            {
                w.WriteTag(9, WireFormat.WireType.LengthDelimited);
                w.WriteBytes(ByteString.CopyFrom([.. values.SelectMany(BitConverter.GetBytes)]));
            }
            else
            {
                foreach (var v in values)
                {
                    w.WriteTag(4, WireFormat.WireType.Fixed32);
                    w.WriteFloat(v);
                }
            }
        }));
        return this;
    }

    public OnnxTestModel Int64s(string name, params long[] values)
    {
        _initializers.Add(Tensor(name, [values.Length], 7, w =>
        {
            foreach (var v in values)
            {
                w.WriteTag(7, WireFormat.WireType.Varint);
                w.WriteInt64(v);
            }
        }));
        return this;
    }

    public OnnxTestModel Tensor(string name, long[] dims, int dataType, byte[] raw)
    {
        _initializers.Add(Tensor(name, dims, dataType, w =>
        {
            w.WriteTag(9, WireFormat.WireType.LengthDelimited);
            w.WriteBytes(ByteString.CopyFrom(raw));
        }));
        return this;
    }

    /// <summary>A node; attributes are (name, value) with a long, a float, a string or a long[] value.</summary>
    public OnnxTestModel Node(string op, string name, string[] inputs, string[] outputs, params (string Name, object Value)[] attributes)
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
            foreach (var (key, value) in attributes)
            {
                Nested(w, 5, Attribute(key, value));
            }
        }));
        return this;
    }

    public byte[] Bytes() => Message(w =>
    {
        w.WriteTag(1, WireFormat.WireType.Varint);
        w.WriteInt64(7);
        String(w, 2, "hybridsim-tests");
        Nested(w, 7, Message(g =>
        {
            _nodes.ForEach(n => Nested(g, 1, n));
            String(g, 2, "test");
            _initializers.ForEach(t => Nested(g, 5, t));
            _inputs.ForEach(i => Nested(g, 11, i));
            _outputs.ForEach(o => Nested(g, 12, o));
        }));
        Nested(w, 8, Message(o =>
        {
            o.WriteTag(2, WireFormat.WireType.Varint);
            o.WriteInt64(Opset);
        }));
    });

    public string Save(string path)
    {
        File.WriteAllBytes(path, Bytes());
        return path;
    }

    private static byte[] Attribute(string name, object value) => Message(w =>
    {
        String(w, 1, name);
        switch (value)
        {
            case float f:
                w.WriteTag(2, WireFormat.WireType.Fixed32);
                w.WriteFloat(f);
                Type(w, 1);
                break;
            case long or int:
                w.WriteTag(3, WireFormat.WireType.Varint);
                w.WriteInt64(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                Type(w, 2);
                break;
            case string s:
                w.WriteTag(4, WireFormat.WireType.LengthDelimited);
                w.WriteBytes(ByteString.CopyFromUtf8(s));
                Type(w, 3);
                break;
            case long[] ints:
                // Packed, as protobuf 3 writers do.
                var packed = Message(p => Array.ForEach(ints, p.WriteInt64));
                w.WriteTag(8, WireFormat.WireType.LengthDelimited);
                w.WriteBytes(ByteString.CopyFrom(packed));
                Type(w, 7);
                break;
            default:
                throw new ArgumentException($"attribute type {value.GetType()}", nameof(value));
        }
    });

    private static void Type(CodedOutputStream w, int type)
    {
        w.WriteTag(20, WireFormat.WireType.Varint);
        w.WriteInt32(type);
    }

    private static byte[] Tensor(string name, long[] dims, int dataType, Action<CodedOutputStream> data) => Message(w =>
    {
        foreach (var d in dims)
        {
            w.WriteTag(1, WireFormat.WireType.Varint);
            w.WriteInt64(d);
        }

        w.WriteTag(2, WireFormat.WireType.Varint);
        w.WriteInt32(dataType);
        String(w, 8, name);
        data(w);
    });

    private static byte[] ValueInfo(string name, long[] dims) => Message(w =>
    {
        String(w, 1, name);
        Nested(w, 2, Message(type => Nested(type, 1, Message(tensor =>
        {
            tensor.WriteTag(1, WireFormat.WireType.Varint);
            tensor.WriteInt32(1);
            if (dims.Length > 0)
            {
                Nested(tensor, 2, Message(shape =>
                {
                    foreach (var d in dims)
                    {
                        Nested(shape, 1, Message(dim =>
                        {
                            if (d >= 0)
                            {
                                dim.WriteTag(1, WireFormat.WireType.Varint);
                                dim.WriteInt64(d);
                            }
                            else
                            {
                                String(dim, 2, "N");
                            }
                        }));
                    }
                }));
            }
        }))));
    });

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        using (var w = new CodedOutputStream(stream, leaveOpen: true))
        {
            write(w);
        }

        return stream.ToArray();
    }

    private static void Nested(CodedOutputStream w, int field, byte[] message)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteBytes(ByteString.CopyFrom(message));
    }

    private static void String(CodedOutputStream w, int field, string value)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteString(value);
    }
}
