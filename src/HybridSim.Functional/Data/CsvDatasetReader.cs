using System.Globalization;
using System.Text;
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
        var text = Encoding.UTF8.GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var pixelsPerRow = (int)shape.Elements;
        var pixels = new List<float>();
        var labels = new List<int>();
        var max = 0f;
        var lineNumber = 0;
        var firstLine = true;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (line.IsWhiteSpace())
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
            var column = 1;
            foreach (var range in line.Split(','))
            {
                var field = line[range].Trim();
                column = range.Start.Value + 1;
                if (fields == 0)
                {
                    labels.Add(ParseLabel(field, path, lineNumber, column));
                }
                else
                {
                    if (fields > pixelsPerRow)
                    {
                        throw RowLength(path, lineNumber, column, CountFields(line) - 1, pixelsPerRow, shape, shapeReason);
                    }

                    var value = ParsePixel(field, path, lineNumber, column, fields + 1);
                    max = Math.Max(max, value);
                    pixels.Add(value);
                }

                fields++;
            }

            if (fields - 1 != pixelsPerRow)
            {
                throw RowLength(path, lineNumber, 1, fields - 1, pixelsPerRow, shape, shapeReason);
            }
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
    private static bool IsHeader(ReadOnlySpan<char> line)
    {
        foreach (var range in line.Split(','))
        {
            if (double.TryParse(line[range].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return false;
            }
        }

        return true;
    }

    private static int ParseLabel(ReadOnlySpan<char> field, string path, int line, int column)
    {
        if (int.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var label))
        {
            return label;
        }

        throw DataError.At(path, line, column, $"field 1 (the label) is '{field}'; expected a whole number (the class index) as the first field");
    }

    private static float ParsePixel(ReadOnlySpan<char> field, string path, int line, int column, int fieldNumber)
    {
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw DataError.At(path, line, column, $"field {fieldNumber} is '{field}', not a number; expected pixel values (numbers >= 0) after the label");
        }

        if (value < 0)
        {
            throw DataError.At(path, line, column, $"field {fieldNumber} is {field}; expected pixel values >= 0");
        }

        return (float)value;
    }

    private static int CountFields(ReadOnlySpan<char> line) => line.Count(',') + 1;

    private static Specs.Validation.SpecException RowLength(string path, int line, int column, int found, int expected, TensorShape shape, string shapeReason) =>
        DataError.At(path, line, column,
            $"{found} pixel values after the label; expected {expected} ({shape} images, {shapeReason})");
}
