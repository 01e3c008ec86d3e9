using System.Buffers.Binary;

namespace HybridSim.Functional.Weights;

/// <summary>A numeric npy dtype (<c>&lt;f4</c>, <c>&gt;i8</c>, <c>|u1</c>, ...) and its conversion to float32.</summary>
internal sealed record NpyDtype(char Kind, int Size, bool BigEndian)
{
    /// <summary>The dtype of a descr string, or null when it is not a supported numeric one.</summary>
    public static NpyDtype? Parse(string descr)
    {
        if (descr.Length < 3 || descr[0] is not ('<' or '>' or '|' or '='))
        {
            return null;
        }

        var big = descr[0] == '>' || (descr[0] == '=' && !BitConverter.IsLittleEndian);
        var kind = descr[1];
        if (!int.TryParse(descr.AsSpan(2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
        {
            return null;
        }

        var ok = kind switch
        {
            'f' => size is 2 or 4 or 8,
            'i' or 'u' => size is 1 or 2 or 4 or 8,
            'b' => size == 1,
            _ => false,
        };

        // A multi-byte type needs a byte order; '|' is numpy's "not applicable" for one-byte types.
        return ok && (size == 1 || descr[0] != '|') ? new NpyDtype(kind, size, big) : null;
    }

    public float[] ToFloat(byte[] bytes, int count)
    {
        var result = new float[count];
        var span = bytes.AsSpan();
        if (Kind == 'f' && Size == 4 && BigEndian != BitConverter.IsLittleEndian)
        {
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(span)[..count].CopyTo(result);
            return result;
        }

        for (var i = 0; i < count; i++)
        {
            var e = span.Slice(i * Size, Size);
            result[i] = (Kind, Size) switch
            {
                ('f', 2) => (float)(BigEndian ? BinaryPrimitives.ReadHalfBigEndian(e) : BinaryPrimitives.ReadHalfLittleEndian(e)),
                ('f', 4) => BigEndian ? BinaryPrimitives.ReadSingleBigEndian(e) : BinaryPrimitives.ReadSingleLittleEndian(e),
                ('f', 8) => (float)(BigEndian ? BinaryPrimitives.ReadDoubleBigEndian(e) : BinaryPrimitives.ReadDoubleLittleEndian(e)),
                ('i', 1) => (sbyte)e[0],
                ('i', 2) => BigEndian ? BinaryPrimitives.ReadInt16BigEndian(e) : BinaryPrimitives.ReadInt16LittleEndian(e),
                ('i', 4) => BigEndian ? BinaryPrimitives.ReadInt32BigEndian(e) : BinaryPrimitives.ReadInt32LittleEndian(e),
                ('i', 8) => BigEndian ? BinaryPrimitives.ReadInt64BigEndian(e) : BinaryPrimitives.ReadInt64LittleEndian(e),
                ('u', 1) or ('b', 1) => e[0],
                ('u', 2) => BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(e) : BinaryPrimitives.ReadUInt16LittleEndian(e),
                ('u', 4) => BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(e) : BinaryPrimitives.ReadUInt32LittleEndian(e),
                _ => BigEndian ? BinaryPrimitives.ReadUInt64BigEndian(e) : BinaryPrimitives.ReadUInt64LittleEndian(e),
            };
        }

        return result;
    }
}
