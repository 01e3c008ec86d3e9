using HybridSim.Specs.Output;
using System.IO.Compression;
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

    /// <summary>Reads every <c>.npy</c> member in file order; array names are the member names without <c>.npy</c>.</summary>
    public static IReadOnlyList<NamedArray> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpecException(new SpecError(path, 0, 0, "", "file not found; expected a NumPy .npz weights file"));
        }

        ZipArchive zip;
        var stream = new MemoryStream(HybridSim.Specs.Input.InputFile.ReadAllBytes(path, HybridSim.Specs.Input.InputFile.MaxDataBytes, "", "a NumPy .npz weights file"), writable: false);
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            throw new SpecException(new SpecError(path, 0, 0, "", $"not a zip archive ({e.Message}); expected a NumPy .npz weights file"));
        }

        using (zip)
        {
            var arrays = new List<NamedArray>();
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/'))
                {
                    continue; // a folder entry holds no data
                }

                if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal))
                {
                    throw new SpecException(new SpecError(path, 0, 0, entry.FullName, "member is not an .npy array; an .npz holds only NAME.npy members"));
                }

                try
                {
                    using var member = entry.Open();
                    arrays.Add(NpyFile.Read(member, entry.FullName[..^4], path, entry.FullName));
                }
                catch (InvalidDataException e)
                {
                    throw new SpecException(new SpecError(path, 0, 0, entry.FullName, $"member is corrupt ({e.Message})"));
                }
            }

            return arrays;
        }
    }
}
