using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Google.Protobuf;

namespace HybridSim.Functional.Import;

/// <summary>An ONNX TensorProto as read: its dims, element type and whichever data field held the values.</summary>
internal sealed class OnnxTensor
{
    public const int Float = 1;
    public const int Int32 = 6;
    public const int Int64 = 7;
    public const int Double = 11;

    public string Name { get; set; } = "";

    public List<long> Dims { get; } = [];

    public int DataType { get; set; }

    public List<float> FloatData { get; } = [];

    public List<int> Int32Data { get; } = [];

    public List<long> Int64Data { get; } = [];

    public List<double> DoubleData { get; } = [];

    public ByteString RawData { get; set; } = ByteString.Empty;

    /// <summary>True when the values live in a separate file (data_location EXTERNAL or external_data entries).</summary>
    public bool External { get; set; }

    public long Elements => Dims.Aggregate(1L, (a, d) => a * d);

    /// <summary>ONNX's name of an element type, for messages.</summary>
    public static string TypeName(int dataType) => dataType switch
    {
        0 => "undefined",
        1 => "float32",
        2 => "uint8",
        3 => "int8",
        4 => "uint16",
        5 => "int16",
        6 => "int32",
        7 => "int64",
        8 => "string",
        9 => "bool",
        10 => "float16",
        11 => "float64",
        12 => "uint32",
        13 => "uint64",
        16 => "bfloat16",
        _ => $"type {dataType}",
    };

    /// <summary>The values as float32, or null when the tensor is not float32 (or its data does not match its dims).</summary>
    public float[]? FloatValues()
    {
        if (DataType != Float)
        {
            return null;
        }

        float[] values;
        if (!RawData.IsEmpty)
        {
            var bytes = RawData.Span;
            if (bytes.Length % 4 != 0)
            {
                return null;
            }

            values = new float[bytes.Length / 4];
            if (BitConverter.IsLittleEndian)
            {
                MemoryMarshal.Cast<byte, float>(bytes).CopyTo(values);
            }
            else
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
                }
            }
        }
        else
        {
            values = [.. FloatData];
        }

        return values.Length == Elements ? values : null;
    }

    /// <summary>The values of an integer tensor (int64 or int32), or null for other types.</summary>
    public long[]? IntegerValues()
    {
        var raw = RawData.Span;
        return DataType switch
        {
            Int64 when !RawData.IsEmpty => Enumerable.Range(0, raw.Length / 8).Select(i => BinaryPrimitives.ReadInt64LittleEndian(RawData.Span[(8 * i)..])).ToArray(),
            Int64 => [.. Int64Data],
            Int32 when !RawData.IsEmpty => Enumerable.Range(0, raw.Length / 4).Select(i => (long)BinaryPrimitives.ReadInt32LittleEndian(RawData.Span[(4 * i)..])).ToArray(),
            Int32 => [.. Int32Data.Select(v => (long)v)],
            _ => null,
        };
    }

    /// <summary>A scalar (or one-element) float or double value, or null.</summary>
    public double? Scalar()
    {
        if (Elements != 1)
        {
            return null;
        }

        if (DataType == Double)
        {
            return !RawData.IsEmpty ? BinaryPrimitives.ReadDoubleLittleEndian(RawData.Span) : DoubleData.Count == 1 ? DoubleData[0] : null;
        }

        return FloatValues() is [var f] ? f : null;
    }
}
