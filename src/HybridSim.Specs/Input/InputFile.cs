using System.Globalization;
using System.Text;
using HybridSim.Specs.Output;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Input;

/// <summary>
/// The one reader of input files (architectures and their bases, workloads, tables, reports, data and weights).
/// It reads at most a stated number of bytes, whatever the file claims its length is (a device such as
/// <c>/dev/zero</c> claims 0 and never ends), and it refuses anything that is not a regular file before opening it:
/// opening a FIFO blocks until a writer appears, and a device or socket is never a specification. Symlinks are
/// followed. Every failure is a <see cref="SpecException"/> naming the path, which every verb reports as exit 1.
/// </summary>
public static class InputFile
{
    /// <summary>Largest specification file (architecture, base, include, workload, table) read: 8 MiB.</summary>
    public const long MaxSpecificationBytes = 8L * 1024 * 1024;

    /// <summary>Largest data set, weights or model file read: 1 GiB.</summary>
    public const long MaxDataBytes = 1L << 30;

    /// <summary>
    /// Reads the whole of <paramref name="path"/>, at most <paramref name="maxBytes"/> bytes.
    /// </summary>
    /// <param name="field">The field or option the path came from, for the error's path column ("" when none).</param>
    /// <param name="expected">What the file should be, for messages: "a YAML file", "a sweep.csv".</param>
    public static byte[] ReadAllBytes(string path, long maxBytes = MaxSpecificationBytes, string field = "", string expected = "a regular file")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 0);
        maxBytes = Math.Min(maxBytes, Array.MaxLength);
        try
        {
            // Checked before opening: open(2) on a FIFO waits for a writer, possibly forever.
            CheckRegular(path, field, expected);
            if (!File.Exists(path))
            {
                throw Error(path, field, "file not found");
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var claimed = stream.CanSeek ? stream.Length : 0;
            if (claimed > maxBytes)
            {
                throw TooLarge(path, field, string.Create(CultureInfo.InvariantCulture, $"file is {claimed} bytes"), maxBytes);
            }

            // The length is a hint only: read until the end or one byte past the limit, whichever comes first.
            var buffer = new byte[(int)Math.Min(maxBytes + 1, Math.Max(claimed + 1, 4096))];
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > maxBytes)
                    {
                        throw TooLarge(path, field, "file is larger than the limit", maxBytes);
                    }

                    Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
                }

                var read = stream.Read(buffer, total, buffer.Length - total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            if (total > maxBytes)
            {
                throw TooLarge(path, field, "file is larger than the limit", maxBytes);
            }

            return total == buffer.Length ? buffer : buffer[..total];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error(path, field, $"cannot read file: {e.Message}");
        }
    }

    /// <summary>
    /// Refuses, without opening it, a path that exists but is a directory or not a regular file; a missing path passes
    /// (the caller reports it in its own words). For callers that read a file later, by other means.
    /// </summary>
    public static void CheckRegular(string path, string field = "", string expected = "a regular file")
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw Error(path, field, $"is a directory; expected {expected}");
        }

        if (File.Exists(path) && !SafeFile.IsRegularFile(path))
        {
            throw Error(path, field, $"not a regular file (a device, pipe or socket); expected {expected}");
        }
    }

    /// <summary>Reads <paramref name="path"/> as UTF-8 text (a byte-order mark is dropped), at most <paramref name="maxBytes"/> bytes.</summary>
    public static string ReadAllText(string path, long maxBytes = MaxSpecificationBytes, string field = "", string expected = "a text file")
    {
        var bytes = ReadAllBytes(path, maxBytes, field, expected);
        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            throw Error(path, field, $"binary file (not valid UTF-8); expected {expected}");
        }
    }

    private static SpecException TooLarge(string path, string field, string what, long maxBytes) =>
        Error(path, field, string.Create(CultureInfo.InvariantCulture,
            $"{what}; an input file may be at most {maxBytes} bytes ({Describe(maxBytes)})"));

    private static string Describe(long bytes) =>
        bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 30} GiB")
        : bytes >= 1L << 20 && bytes % (1L << 20) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} B");

    private static SpecException Error(string path, string field, string message) => new(new SpecError(path, 0, 0, field, message));
}
