using System.IO.Compression;

namespace HybridSim.Functional.Data;

/// <summary>Reads a data file whole, gunzipping it when it starts with the gzip magic (1f 8b), whatever its name.</summary>
internal static class DataFile
{
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    public static byte[] Read(string path)
    {
        if (!File.Exists(path))
        {
            throw DataError.At(path, "file not found");
        }

        byte[] raw;
        try
        {
            raw = HybridSim.Specs.Input.InputFile.ReadAllBytes(path, HybridSim.Specs.Input.InputFile.MaxDataBytes, DataError.Option, "IDX, CIFAR binary or CSV data");
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

        using var output = new MemoryStream();
        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw, writable: false), CompressionMode.Decompress);
            gzip.CopyTo(output);
        }
        catch (InvalidDataException e)
        {
            throw DataError.At(path, $"corrupt gzip data ({e.Message}); expected a whole .gz file");
        }

        if (output.Length == 0)
        {
            throw DataError.At(path, "empty file once gunzipped; expected IDX, CIFAR binary or CSV data");
        }

        return output.ToArray();
    }
}
