using Google.Protobuf;

namespace HybridSim.Functional.Import;

/// <summary>
/// Decodes the few ONNX protobuf messages the importer needs, field by field with <see cref="CodedInputStream"/>
/// (field numbers from onnx.proto); unknown fields are skipped. Malformed input throws <see cref="InvalidProtocolBufferException"/> or <see cref="InvalidDataException"/>.
/// </summary>
internal static class OnnxReader
{
    public static OnnxModel ReadModel(byte[] bytes)
    {
        var model = new OnnxModel();
        var sawGraph = false;
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1 when Is(tag, WireFormat.WireType.Varint):
                    model.IrVersion = input.ReadInt64();
                    break;
                case 2 when Is(tag, WireFormat.WireType.LengthDelimited):
                    model.ProducerName = input.ReadString();
                    break;
                case 7 when Is(tag, WireFormat.WireType.LengthDelimited):
                    model.Graph = ReadGraph(input.ReadBytes());
                    sawGraph = true;
                    break;
                case 8 when Is(tag, WireFormat.WireType.LengthDelimited):
                    var (domain, version) = ReadOpset(input.ReadBytes());
                    if (domain is "" or "ai.onnx")
                    {
                        model.Opset = version;
                    }

                    break;
                case 14 when Is(tag, WireFormat.WireType.LengthDelimited):
                    var (key, value) = ReadStringPair(input.ReadBytes());
                    model.Metadata[key] = value;
                    break;
                default:
                    Skip(input, tag);
                    break;
            }
        }

        return sawGraph ? model : throw new InvalidDataException("the model has no graph (ModelProto field 7)");
    }

    /// <summary>A StringStringEntryProto (metadata_props): key = 1, value = 2.</summary>
    private static (string Key, string Value) ReadStringPair(ByteString bytes)
    {
        string key = "", value = "";
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1 when Is(tag, WireFormat.WireType.LengthDelimited):
                    key = input.ReadString();
                    break;
                case 2 when Is(tag, WireFormat.WireType.LengthDelimited):
                    value = input.ReadString();
                    break;
                default:
                    Skip(input, tag);
                    break;
            }
        }

        return (key, value);
    }

    private static (string Domain, long Version) ReadOpset(ByteString bytes)
    {
        var domain = "";
        long version = 0;
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1 when Is(tag, WireFormat.WireType.LengthDelimited):
                    domain = input.ReadString();
                    break;
                case 2 when Is(tag, WireFormat.WireType.Varint):
                    version = input.ReadInt64();
                    break;
                default:
                    Skip(input, tag);
                    break;
            }
        }

        return (domain, version);
    }

    private static OnnxGraph ReadGraph(ByteString bytes)
    {
        var graph = new OnnxGraph();
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var delimited = Is(tag, WireFormat.WireType.LengthDelimited);
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1 when delimited:
                    graph.Nodes.Add(ReadNode(input.ReadBytes()));
                    break;
                case 2 when delimited:
                    graph.Name = input.ReadString();
                    break;
                case 5 when delimited:
                    graph.Initializers.Add(ReadTensor(input.ReadBytes()));
                    break;
                case 11 when delimited:
                    graph.Inputs.Add(ReadValueInfo(input.ReadBytes()));
                    break;
                case 12 when delimited:
                    graph.Outputs.Add(ReadValueInfo(input.ReadBytes()));
                    break;
                default:
                    Skip(input, tag);
                    break;
            }
        }

        return graph;
    }

    private static OnnxNode ReadNode(ByteString bytes)
    {
        var node = new OnnxNode();
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var delimited = Is(tag, WireFormat.WireType.LengthDelimited);
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1 when delimited:
                    node.Inputs.Add(input.ReadString());
                    break;
                case 2 when delimited:
                    node.Outputs.Add(input.ReadString());
                    break;
                case 3 when delimited:
                    node.Name = input.ReadString();
                    break;
                case 4 when delimited:
                    node.OpType = input.ReadString();
                    break;
                case 5 when delimited:
                    var attribute = ReadAttribute(input.ReadBytes());
                    node.Attributes[attribute.Name] = attribute;
                    break;
                case 7 when delimited:
                    node.Domain = input.ReadString();
                    break;
                default:
                    Skip(input, tag);
                    break;
            }
        }

        return node;
    }

    private static OnnxAttribute ReadAttribute(ByteString bytes)
    {
        var attribute = new OnnxAttribute();
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1 when Is(tag, WireFormat.WireType.LengthDelimited):
                    attribute.Name = input.ReadString();
                    break;
                case 2 when Is(tag, WireFormat.WireType.Fixed32):
                    attribute.F = input.ReadFloat();
                    break;
                case 3 when Is(tag, WireFormat.WireType.Varint):
                    attribute.I = input.ReadInt64();
                    break;
                case 4 when Is(tag, WireFormat.WireType.LengthDelimited):
                    attribute.S = input.ReadBytes().ToStringUtf8();
                    break;
                case 5 when Is(tag, WireFormat.WireType.LengthDelimited):
                    attribute.T = ReadTensor(input.ReadBytes());
                    break;
                case 7:
                    ReadRepeated(input, tag, WireFormat.WireType.Fixed32, s => attribute.Floats.Add(s.ReadFloat()));
                    break;
                case 8:
                    ReadRepeated(input, tag, WireFormat.WireType.Varint, s => attribute.Ints.Add(s.ReadInt64()));
                    break;
                case 20 when Is(tag, WireFormat.WireType.Varint):
                    attribute.Type = input.ReadInt32();
                    break;
                default:
                    Skip(input, tag);
                    break;
            }
        }

        return attribute;
    }

    private static OnnxTensor ReadTensor(ByteString bytes)
    {
        var tensor = new OnnxTensor();
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    ReadRepeated(input, tag, WireFormat.WireType.Varint, s => tensor.Dims.Add(s.ReadInt64()));
                    break;
                case 2 when Is(tag, WireFormat.WireType.Varint):
                    tensor.DataType = input.ReadInt32();
                    break;
                case 4:
                    ReadRepeated(input, tag, WireFormat.WireType.Fixed32, s => tensor.FloatData.Add(s.ReadFloat()));
                    break;
                case 5:
                    ReadRepeated(input, tag, WireFormat.WireType.Varint, s => tensor.Int32Data.Add(s.ReadInt32()));
                    break;
                case 7:
                    ReadRepeated(input, tag, WireFormat.WireType.Varint, s => tensor.Int64Data.Add(s.ReadInt64()));
                    break;
                case 8 when Is(tag, WireFormat.WireType.LengthDelimited):
                    tensor.Name = input.ReadString();
                    break;
                case 9 when Is(tag, WireFormat.WireType.LengthDelimited):
                    tensor.RawData = input.ReadBytes();
                    break;
                case 10:
                    ReadRepeated(input, tag, WireFormat.WireType.Fixed64, s => tensor.DoubleData.Add(s.ReadDouble()));
                    break;
                case 13 when Is(tag, WireFormat.WireType.LengthDelimited):
                    input.SkipLastField();
                    tensor.External = true;
                    break;
                case 14 when Is(tag, WireFormat.WireType.Varint):
                    tensor.External |= input.ReadInt32() == 1;
                    break;
                default:
                    Skip(input, tag);
                    break;
            }
        }

        return tensor;
    }

    private static OnnxValueInfo ReadValueInfo(ByteString bytes)
    {
        var info = new OnnxValueInfo();
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1 when Is(tag, WireFormat.WireType.LengthDelimited):
                    info.Name = input.ReadString();
                    break;
                case 2 when Is(tag, WireFormat.WireType.LengthDelimited):
                    ForEachField(input.ReadBytes(), (typeField, typeInput, typeTag) =>
                    {
                        if (typeField == 1 && Is(typeTag, WireFormat.WireType.LengthDelimited))
                        {
                            ReadTensorType(typeInput.ReadBytes(), info);
                            return true;
                        }

                        return false;
                    });
                    break;
                default:
                    Skip(input, tag);
                    break;
            }
        }

        return info;
    }

    /// <summary>TypeProto.Tensor: elem_type = 1, shape = 2 (TensorShapeProto: dim = 1; Dimension: dim_value = 1, dim_param = 2).</summary>
    private static void ReadTensorType(ByteString bytes, OnnxValueInfo info)
    {
        ForEachField(bytes, (field, input, tag) =>
        {
            if (field == 1 && Is(tag, WireFormat.WireType.Varint))
            {
                info.ElemType = input.ReadInt32();
                return true;
            }

            if (field == 2 && Is(tag, WireFormat.WireType.LengthDelimited))
            {
                info.HasShape = true;
                ForEachField(input.ReadBytes(), (shapeField, shapeInput, shapeTag) =>
                {
                    if (shapeField != 1 || !Is(shapeTag, WireFormat.WireType.LengthDelimited))
                    {
                        return false;
                    }

                    long? value = null;
                    ForEachField(shapeInput.ReadBytes(), (dimField, dimInput, dimTag) =>
                    {
                        if (dimField == 1 && Is(dimTag, WireFormat.WireType.Varint))
                        {
                            value = dimInput.ReadInt64();
                            return true;
                        }

                        return false;
                    });
                    info.Dims.Add(value);
                    return true;
                });
                return true;
            }

            return false;
        });
    }

    /// <summary>Calls <paramref name="read"/> per field; a field it does not consume (returns false) is skipped.</summary>
    private static void ForEachField(ByteString bytes, Func<int, CodedInputStream, uint, bool> read)
    {
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (!read(WireFormat.GetTagFieldNumber(tag), input, tag))
            {
                Skip(input, tag);
            }
        }
    }

    /// <summary>A repeated scalar field, packed (one length-delimited run) or not (one value per tag).</summary>
    private static void ReadRepeated(CodedInputStream input, uint tag, WireFormat.WireType element, Action<CodedInputStream> readOne)
    {
        if (Is(tag, WireFormat.WireType.LengthDelimited))
        {
            var packed = input.ReadBytes().CreateCodedInput();
            while (!packed.IsAtEnd)
            {
                readOne(packed);
            }
        }
        else if (Is(tag, element))
        {
            readOne(input);
        }
        else
        {
            throw new InvalidDataException($"field {WireFormat.GetTagFieldNumber(tag)} has wire type {WireFormat.GetTagWireType(tag)}, expected {element}");
        }
    }

    private static bool Is(uint tag, WireFormat.WireType type) => WireFormat.GetTagWireType(tag) == type;

    private static void Skip(CodedInputStream input, uint tag)
    {
        // An end-group tag on its own means the bytes are not a protobuf message.
        if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.EndGroup)
        {
            throw new InvalidDataException("unexpected end-group tag");
        }

        input.SkipLastField();
    }
}
