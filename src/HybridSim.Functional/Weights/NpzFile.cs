using HybridSim.Specs.Output;
using System.IO.Compression;
using HybridSim.Specs.Input;
using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Weights;

/// <summary>
/// NumPy's <c>.npz</c>: a zip of <c>NAME.npy</c> members, as <c>np.savez</c> writes (stored, not deflated). Members are
/// written in the given order with a fixed timestamp, so the same arrays give the same bytes.
/// </summary>
public static class NpzFile
{
    /// <summary>The members' timestamp: the earliest a zip can hold, so nothing depends on the clock.</summary>
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(string path, IReadOnlyList<NamedArray> arrays)
    {
        var duplicate = arrays.GroupBy(a => a.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two arrays are named '{duplicate.Key}'", nameof(arrays));
        }

        SafeFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var a in arrays)
            {
                var entry = zip.CreateEntry(a.Name + ".npy", CompressionLevel.NoCompression);
                entry.LastWriteTime = FixedTime;
                using var member = entry.Open();
                NpyFile.Write(member, a);
            }
        });
    }

    /// <summary>
    /// Reads every <c>.npy</c> member in file order; array names are the member names without <c>.npy</c>. The zip's
    /// directory is checked first (<see cref="ZipDirectory"/>), and the members' arrays share one budget of
    /// <see cref="CompressedInput.MaxWeightsBytes"/>, checked against each npy header before its data is read.
    /// </summary>
    public static IReadOnlyList<NamedArray> Read(string path)
    {
        InputFile.CheckRegular(path, "--weights", "a NumPy .npz weights file");
        if (!File.Exists(path))
        {
            throw new SpecException(new SpecError(path, 0, 0, "", "file not found; expected a NumPy .npz weights file"));
        }

        var bytes = InputFile.ReadAllBytes(path, InputFile.MaxDataBytes, "", "a NumPy .npz weights file");
        ZipDirectory.Check(bytes, path);
        ZipArchive zip;
        var stream = new MemoryStream(bytes, writable: false);
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            throw new SpecException(new SpecError(path, 0, 0, "", $"not a zip archive ({Excerpt.Of(e.Message)}); expected a NumPy .npz weights file"));
        }

        using (zip)
        {
            var arrays = new List<NamedArray>();
            var budget = CompressedInput.MaxWeightsBytes;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/'))
                {
                    continue; // a folder entry holds no data
                }

                var where = Excerpt.Of(entry.FullName);
                if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal))
                {
                    throw new SpecException(new SpecError(path, 0, 0, where, "member is not an .npy array; an .npz holds only NAME.npy members"));
                }

                try
                {
                    using var member = entry.Open();
                    var array = NpyFile.Read(member, entry.FullName[..^4], path, where, budget);
                    budget -= 4L * array.Data.Length;
                    arrays.Add(array);
                }
                catch (InvalidDataException e)
                {
                    throw new SpecException(new SpecError(path, 0, 0, where, $"member is corrupt ({Excerpt.Of(e.Message)})"));
                }
            }

            return arrays;
        }
    }
}
