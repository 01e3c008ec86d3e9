using System.Buffers.Binary;
using HybridSim.Specs.Input;

namespace HybridSim.Functional.Data;

/// <summary>
/// Reads a data file whole, gunzipping it when it starts with the gzip magic (1f 8b), whatever its name; raw or
/// gunzipped, a data file holds at most <see cref="CompressedInput.MaxDataFileBytes"/>, and a data set at most
/// <see cref="MaxValues"/> pixel values.
/// </summary>
internal static class DataFile
{
    /// <summary>Most pixel values one data set holds (2^28: 1 GiB as float32; CIFAR-10's training set is 153,600,000).</summary>
    public const long MaxValues = 1L << 28;

    public static bool IsGzip(ReadOnlySpan<byte> bytes) => CompressedInput.IsGzip(bytes);

    /// <summary>Refuses a data set of more than <see cref="MaxValues"/> pixel values before it is allocated.</summary>
    public static void CheckValues(string path, long values, string what)
    {
        if (values > MaxValues)
        {
            throw DataError.At(path, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{what} make {values} pixel values; a data set may hold at most {MaxValues} (1 GiB as float32): use a smaller data set"));
        }
    }

    public static byte[] Read(string path)
    {
        if (!File.Exists(path))
        {
            throw DataError.At(path, "file not found");
        }

        byte[] raw;
        try
        {
            raw = InputFile.ReadAllBytes(path, CompressedInput.MaxDataFileBytes, DataError.Option, "IDX, CIFAR binary or CSV data");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataError.At(path, $"cannot read the file: {e.Message}");
        }

        return Decode(raw, path);
    }

    /// <summary>The bytes as stored, or gunzipped when gzip; an empty result is an error.</summary>
    public static byte[] Decode(byte[] raw, string path)
    {
        if (raw.Length == 0)
        {
            throw DataError.At(path, "empty file; expected IDX, CIFAR binary or CSV data");
        }

        if (!IsGzip(raw))
        {
            return raw;
        }

        var output = CompressedInput.Gunzip(raw, path, DataError.Option, "IDX, CIFAR binary or CSV data", CompressedInput.MaxDataFileBytes, IdxDeclaredBytes);
        if (output.Length == 0)
        {
            throw DataError.At(path, "empty file once gunzipped; expected IDX, CIFAR binary or CSV data");
        }

        return output;
    }

    /// <summary>The size an IDX header declares (magic, count, and for images rows and columns), or null for other content.</summary>
    private static long? IdxDeclaredBytes(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 8 && BinaryPrimitives.ReadInt32BigEndian(head) == IdxReader.LabelsMagic)
        {
            var count = BinaryPrimitives.ReadInt32BigEndian(head[4..]);
            return count >= 0 ? 8L + count : null;
        }

        if (head.Length >= 16 && BinaryPrimitives.ReadInt32BigEndian(head) == IdxReader.ImagesMagic)
        {
            var count = BinaryPrimitives.ReadInt32BigEndian(head[4..]);
            var rows = BinaryPrimitives.ReadInt32BigEndian(head[8..]);
            var cols = BinaryPrimitives.ReadInt32BigEndian(head[12..]);
            return count >= 0 && rows >= 0 && cols >= 0 ? 16L + ((long)count * rows * cols) : null;
        }

        return null;
    }
}
