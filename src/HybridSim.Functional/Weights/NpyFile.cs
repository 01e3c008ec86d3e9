using HybridSim.Specs.Output;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using HybridSim.Specs.Input;
using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Weights;

/// <summary>
/// NumPy's <c>.npy</c> format (version 1.0 written, 1.0 to 3.0 read): the magic <c>\x93NUMPY</c>, a version, a header
/// length, a Python dict literal <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }</c> padded with spaces
/// and a newline so the data starts on a 64-byte boundary, then the data in C order (Fortran order is read and rewritten
/// in C order).
/// </summary>
public static class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Writes <paramref name="a"/> as little-endian float32, byte for byte as <c>np.save</c> does.</summary>
    public static void Write(Stream s, NamedArray a)
    {
        if (a.Data.Length != a.Elements)
        {
            throw new ArgumentException($"array '{a.Name}' has {a.Data.Length} values for shape {a.ShapeText}", nameof(a));
        }

        s.Write(Header(a.Shape));
        if (BitConverter.IsLittleEndian)
        {
            s.Write(MemoryMarshal.AsBytes(a.Data.AsSpan()));
        }
        else
        {
            var buffer = new byte[4];
            foreach (var v in a.Data)
            {
                BinaryPrimitives.WriteSingleLittleEndian(buffer, v);
                s.Write(buffer);
            }
        }
    }

    /// <summary>Writes one array to <paramref name="path"/> atomically.</summary>
    public static void WriteFile(string path, NamedArray a) => SafeFile.Write(path, s => Write(s, a));

    /// <summary>Reads one array (any float or integer dtype, converted to float32) and names it <paramref name="name"/>.</summary>
    /// <param name="file">The file the stream comes from, for error messages.</param>
    public static NamedArray Read(Stream s, string name, string file) => Read(s, name, file, name);

    /// <summary>The header <c>np.save</c> writes for a float32 C-order array of this shape.</summary>
    internal static byte[] Header(ImmutableArray<int> shape)
    {
        var dims = shape.Length == 1
            ? shape[0].ToString(CultureInfo.InvariantCulture) + ","
            : string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        var dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";

        // As numpy: spaces then a newline up to a multiple of 64, counted with the 10-byte prefix (1 to 64 spaces).
        const int prefix = 10;
        var pad = 64 - ((prefix + dict.Length + 1) % 64);
        var text = dict + new string(' ', pad) + "\n";
        if (text.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"shape {string.Join("x", shape)} has too many dimensions for an npy 1.0 header", nameof(shape));
        }

        var header = new byte[prefix + text.Length];
        Magic.CopyTo(header, 0);
        header[6] = 1;
        header[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), (ushort)text.Length);
        Encoding.ASCII.GetBytes(text, header.AsSpan(prefix));
        return header;
    }

    /// <summary>Reads one array; <paramref name="where"/> is the error path (the member of an npz, or the name).</summary>
    /// <param name="maxDataBytes">Most data bytes the header may declare (the weights file's remaining budget).</param>
    internal static NamedArray Read(Stream s, string name, string file, string where, long maxDataBytes = CompressedInput.MaxWeightsBytes)
    {
        SpecException Error(string message) => new(new SpecError(file, 0, 0, where, message));

        var start = new byte[8];
        if (!TryReadExactly(s, start))
        {
            throw Error("truncated: shorter than the 8-byte npy preamble; expected a NumPy .npy array");
        }

        if (!start.AsSpan(0, 6).SequenceEqual(Magic))
        {
            throw Error("bad magic: expected a NumPy .npy array (starting with \\x93NUMPY)");
        }

        int headerLength;
        var major = start[6];
        if (major == 1)
        {
            var length = new byte[2];
            headerLength = TryReadExactly(s, length)
                ? BinaryPrimitives.ReadUInt16LittleEndian(length)
                : throw Error("truncated in the header length");
        }
        else if (major is 2 or 3)
        {
            var length = new byte[4];
            var value = TryReadExactly(s, length)
                ? BinaryPrimitives.ReadUInt32LittleEndian(length)
                : throw Error("truncated in the header length");
            headerLength = value <= 1 << 20 ? (int)value : throw Error($"header length {value} is implausible (over 1 MiB)");
        }
        else
        {
            throw Error($"npy version {major}.{start[7]} is not supported; expected 1.0, 2.0 or 3.0");
        }

        var headerBytes = new byte[headerLength];
        if (!TryReadExactly(s, headerBytes))
        {
            throw Error($"truncated in the {headerLength}-byte header");
        }

        var header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var (descr, fortran, shape) = NpyHeader.Parse(header, Error);
        var dtype = NpyDtype.Parse(descr) ?? throw Error(
            $"dtype '{Excerpt.Of(descr)}' is not supported; expected a float or integer dtype such as '<f4' (float32), '<f8', '<i8', '<i4' or '|u1'");
        long count = 1;
        foreach (var d in shape)
        {
            count *= d;
            if (count > Array.MaxLength)
            {
                throw Error($"shape ({string.Join(", ", shape)}) has more elements than one array can hold");
            }
        }

        // Checked before allocating: a 70-byte header may declare gigabytes.
        if (count * dtype.Size > maxDataBytes)
        {
            throw Error(string.Create(CultureInfo.InvariantCulture,
                $"shape ({string.Join(", ", shape)}) of {descr} declares {count * dtype.Size} data bytes; the arrays of one weights file may hold at most {CompressedInput.MaxWeightsBytes} bytes ({CompressedInput.Describe(CompressedInput.MaxWeightsBytes)}) in all"));
        }

        var bytes = new byte[count * dtype.Size];
        if (!TryReadExactly(s, bytes))
        {
            throw Error($"truncated: shape ({string.Join(", ", shape)}) of {descr} needs {bytes.Length} data bytes, the file has fewer");
        }

        if (s.ReadByte() >= 0)
        {
            throw Error($"has bytes after the {bytes.Length} data bytes that shape ({string.Join(", ", shape)}) of {descr} needs; the file is not one npy array");
        }

        var values = dtype.ToFloat(bytes, (int)count);
        return new NamedArray(name, [.. shape], fortran ? FromFortranOrder(values, shape) : values);
    }

    /// <summary>A Fortran-ordered array (first index fastest, as NumPy saves a transposed view) rewritten in C order
    /// (last index fastest), the layout every reader of <see cref="NamedArray"/> expects.</summary>
    private static float[] FromFortranOrder(float[] values, int[] shape)
    {
        if (shape.Length < 2)
        {
            return values;
        }

        var result = new float[values.Length];
        var index = new int[shape.Length];
        for (var f = 0; f < values.Length; f++)
        {
            // index counts in Fortran order; its C-order offset is the usual row-major sum.
            long c = 0;
            for (var d = 0; d < shape.Length; d++)
            {
                c = (c * shape[d]) + index[d];
            }

            result[c] = values[f];
            for (var d = 0; d < shape.Length && ++index[d] == shape[d]; d++)
            {
                index[d] = 0;
            }
        }

        return result;
    }

    private static bool TryReadExactly(Stream s, Span<byte> buffer) => s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length;
}
