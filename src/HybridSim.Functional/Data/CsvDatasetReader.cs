using System.Globalization;
using System.Text;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Data;

/// <summary>
/// CSV data sets: one sample a line, the label first (a whole number), then the pixels (numbers >= 0) in C × H × W
/// order; commas between fields; blank lines ignored. A first line with no numeric field is a header and skipped.
/// A CSV file has no shape of its own: rows must hold exactly the pixels of <c>shape</c>. Pixels are scaled to [0, 1] by
/// the largest pixel value in the file (16 for the UCI digits), so train and test parts cut from one file share a scale.
/// </summary>
internal static class CsvDatasetReader
{
    public static RawSet Read(string name, string path, byte[] bytes, TensorShape shape, string shapeReason)
    {
        // Parsed as UTF-8 bytes, never as one string: a large file costs its bytes and its pixels, nothing more.
        ReadOnlySpan<byte> text = bytes;
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        var pixelsPerRow = (int)shape.Elements;
        var pixels = new List<float>();
        var labels = new List<int>();
        var max = 0f;
        var lineNumber = 0;
        var firstLine = true;
        while (!text.IsEmpty)
        {
            lineNumber++;
            var end = text.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            if (line[Ascii.Trim(line)].IsEmpty)
            {
                continue;
            }

            if (firstLine)
            {
                firstLine = false;
                if (IsHeader(line))
                {
                    continue;
                }
            }

            var fields = 0;
            var start = 0;
            while (true)
            {
                var comma = line[start..].IndexOf((byte)',');
                var raw = comma < 0 ? line[start..] : line.Slice(start, comma);
                var field = raw[Ascii.Trim(raw)];
                var column = start + 1;
                if (fields == 0)
                {
                    labels.Add(ParseLabel(field, path, lineNumber, column));
                }
                else
                {
                    if (fields > pixelsPerRow)
                    {
                        throw RowLength(path, lineNumber, column, line.Count((byte)','), pixelsPerRow, shape, shapeReason);
                    }

                    var value = ParsePixel(field, path, lineNumber, column, fields + 1);
                    max = Math.Max(max, value);
                    pixels.Add(value);
                }

                fields++;
                if (comma < 0)
                {
                    break;
                }

                start += comma + 1;
            }

            if (fields - 1 != pixelsPerRow)
            {
                throw RowLength(path, lineNumber, 1, fields - 1, pixelsPerRow, shape, shapeReason);
            }

            DataFile.CheckValues(path, pixels.Count, $"the first {labels.Count} rows of {pixelsPerRow} pixels");
        }

        if (labels.Count == 0)
        {
            throw DataError.At(path, "no samples; expected CSV lines of a label then the pixels");
        }

        // An all-black file keeps its zeros rather than dividing by zero.
        var scale = max > 0 ? 1f / max : 1f;
        var images = pixels.ToArray();
        for (var i = 0; i < images.Length; i++)
        {
            images[i] *= scale;
        }

        return new RawSet(name, path, shape.Channels, shape.Height, shape.Width, images, [.. labels], null);
    }

    /// <summary>A header names its columns: none of its fields is a number.</summary>
    private static bool IsHeader(ReadOnlySpan<byte> line)
    {
        foreach (var range in line.Split((byte)','))
        {
            var field = line[range];
            if (double.TryParse(field[Ascii.Trim(field)], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return false;
            }
        }

        return true;
    }

    private static int ParseLabel(ReadOnlySpan<byte> field, string path, int line, int column)
    {
        if (int.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var label))
        {
            return label;
        }

        throw DataError.At(path, line, column, $"field 1 (the label) is '{Excerpt.Of(field)}'; expected a whole number (the class index) as the first field");
    }

    private static float ParsePixel(ReadOnlySpan<byte> field, string path, int line, int column, int fieldNumber)
    {
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value > float.MaxValue)
        {
            throw DataError.At(path, line, column, $"field {fieldNumber} is '{Excerpt.Of(field)}', not a number; expected finite pixel values (numbers >= 0, at most {float.MaxValue.ToString(CultureInfo.InvariantCulture)}) after the label");
        }

        if (value < 0)
        {
            throw DataError.At(path, line, column, $"field {fieldNumber} is {Excerpt.Of(field)}; expected pixel values >= 0");
        }

        return (float)value;
    }

    private static Specs.Validation.SpecException RowLength(string path, int line, int column, int found, int expected, TensorShape shape, string shapeReason) =>
        DataError.At(path, line, column,
            $"{found} pixel values after the label; expected {expected} ({shape} images, {shapeReason})");
}
