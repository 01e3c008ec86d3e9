using System.Buffers.Binary;
using System.Globalization;

namespace HybridSim.Functional.Data;

/// <summary>
/// IDX files as MNIST and Fashion-MNIST ship them: images (<c>idx3-ubyte</c>, magic 0x00000803, then count, rows and
/// columns as big-endian 32-bit integers, then unsigned bytes) and labels (<c>idx1-ubyte</c>, magic 0x00000801, count,
/// bytes). Raw or gzipped. Pixels are scaled by 255.
/// </summary>
internal static class IdxReader
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;

    /// <summary>True when <paramref name="bytes"/> (already gunzipped) start with an IDX unsigned-byte magic (00 00 08 ..).</summary>
    public static bool LooksLikeIdx(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0x08;

    public static RawSet Read(string name, string imagesPath, string labelsPath)
    {
        var images = DataFile.Read(imagesPath);
        var labels = DataFile.Read(labelsPath);
        return Read(name, imagesPath, images, labelsPath, labels);
    }

    public static RawSet Read(string name, string imagesPath, byte[] images, string labelsPath, byte[] labels)
    {
        CheckMagic(imagesPath, images, ImagesMagic, "IDX images (idx3-ubyte)");
        CheckAtLeast(imagesPath, images, 16, "a 16-byte header (magic, count, rows, columns)");
        var count = Dimension(imagesPath, images, 4, "image count");
        var rows = Dimension(imagesPath, images, 8, "rows");
        var cols = Dimension(imagesPath, images, 12, "columns");
        var pixels = (long)count * rows * cols;
        DataFile.CheckValues(imagesPath, pixels, $"the header's {count} images of {rows}x{cols}");
        CheckExactly(imagesPath, images, 16 + pixels, $"a 16-byte header and {count} images of {rows}x{cols} bytes");

        CheckMagic(labelsPath, labels, LabelsMagic, "IDX labels (idx1-ubyte)");
        CheckAtLeast(labelsPath, labels, 8, "an 8-byte header (magic, count)");
        var labelCount = Dimension(labelsPath, labels, 4, "label count");
        CheckExactly(labelsPath, labels, 8 + (long)labelCount, $"an 8-byte header and {labelCount} label bytes");
        if (labelCount != count)
        {
            throw DataError.At(labelsPath,
                $"image/label count mismatch: {labelCount} labels here but {count} images in {imagesPath}; expected one label per image");
        }

        if (count == 0)
        {
            throw DataError.At(imagesPath, "no images (count 0); expected at least one");
        }

        var floats = new float[pixels];
        var data = images.AsSpan(16, (int)pixels);
        for (var i = 0; i < floats.Length; i++)
        {
            floats[i] = data[i] / 255f;
        }

        var labelValues = new int[count];
        for (var i = 0; i < count; i++)
        {
            labelValues[i] = labels[8 + i];
        }

        return new RawSet(name, imagesPath, 1, rows, cols, floats, labelValues, null, labelsPath);
    }

    public static void CheckMagic(string path, byte[] bytes, int expected, string what)
    {
        if (bytes.Length < 4)
        {
            throw DataError.At(path, $"truncated file: expected at least 4 bytes (the magic number of {what}), found {bytes.Length}");
        }

        var found = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (found != expected)
        {
            var hint = found == (expected == ImagesMagic ? LabelsMagic : ImagesMagic)
                ? expected == ImagesMagic ? " (this is a labels file; give the images file)" : " (this is an images file)"
                : "";
            throw DataError.At(path, $"wrong magic number 0x{Hex(found)}{hint}; expected 0x{Hex(expected)} for {what}");
        }
    }

    private static void CheckAtLeast(string path, byte[] bytes, long expected, string what)
    {
        if (bytes.Length < expected)
        {
            throw DataError.At(path, $"truncated file: expected {N(expected)} bytes ({what}), found {N(bytes.Length)}");
        }
    }

    /// <summary>The header's sizes must account for every byte: trailing bytes mean a wrong header or a wrong file.</summary>
    private static void CheckExactly(string path, byte[] bytes, long expected, string what)
    {
        CheckAtLeast(path, bytes, expected, what);
        if (bytes.Length > expected)
        {
            throw DataError.At(path, $"file too long: expected {N(expected)} bytes ({what}), found {N(bytes.Length)}");
        }
    }

    private static int Dimension(string path, byte[] bytes, int offset, string what)
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
        if (value < 0)
        {
            throw DataError.At(path, $"invalid header: {what} is {value}; expected a size >= 0");
        }

        return value;
    }

    private static string Hex(int value) => value.ToString("X8", CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
