using System.Globalization;
using System.IO.Compression;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Input;

/// <summary>
/// The one bounded reader of compressed input (gzipped data files, deflated <c>.npz</c> members): it never inflates
/// past a stated limit, and when the format declares its size up front (an IDX header, an npy header) the declared
/// size is checked against the limit before anything that large is allocated. Failures are a <see cref="SpecException"/>
/// naming the file and the limit (exit 1). docs/robustness.md, "Limits of the accuracy half", lists the limits.
/// </summary>
public static class CompressedInput
{
    /// <summary>Largest content of one data file (IDX, CIFAR binary, CSV), raw or once gunzipped: 512 MiB.</summary>
    public const long MaxDataFileBytes = 512L * 1024 * 1024;

    /// <summary>Largest inflated content of one weights file (the sum of its members' arrays): 1 GiB.</summary>
    public const long MaxWeightsBytes = 1L << 30;

    /// <summary>True when <paramref name="bytes"/> start with the gzip magic (1f 8b).</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    /// <summary>
    /// Gunzips <paramref name="raw"/> into at most <paramref name="limit"/> bytes. <paramref name="declaredSize"/>, given
    /// the first inflated bytes (up to <paramref name="peekBytes"/>), returns the total size the format declares, or null
    /// when it declares none; a declared size over the limit is refused before the rest is inflated.
    /// </summary>
    public static byte[] Gunzip(byte[] raw, string path, string field, string expected, long limit,
        Func<ReadOnlySpan<byte>, long?>? declaredSize = null, int peekBytes = 16)
    {
        ArgumentNullException.ThrowIfNull(raw);
        limit = Math.Min(limit, Array.MaxLength - 1);
        try
        {
            // Pass 1 counts, holding 64 KiB at a time: a 4 MB file that inflates to gigabytes is refused at the limit
            // having used no memory for it. Pass 2 inflates into an array of exactly the counted size.
            long total;
            using (var gzip = Open(raw))
            {
                var head = new byte[peekBytes];
                var got = gzip.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                if (declaredSize?.Invoke(head.AsSpan(0, got)) is { } declared && declared > limit)
                {
                    throw TooLarge(path, field, string.Create(CultureInfo.InvariantCulture, $"its header declares {declared} bytes once gunzipped"), limit);
                }

                total = got;
                var chunk = new byte[1 << 16];
                int read;
                while (total <= limit && (read = gzip.Read(chunk)) > 0)
                {
                    total += read;
                }
            }

            if (total > limit)
            {
                throw TooLarge(path, field, "it inflates past the limit once gunzipped", limit);
            }

            var output = new byte[total];
            using (var gzip = Open(raw))
            {
                gzip.ReadExactly(output);
            }

            return output;
        }
        catch (InvalidDataException e)
        {
            throw new SpecException(new SpecError(path, 0, 0, field, $"corrupt gzip data ({Excerpt.Of(e.Message)}); expected a whole .gz file holding {expected}"));
        }
    }

    private static GZipStream Open(byte[] raw) => new(new MemoryStream(raw, writable: false), CompressionMode.Decompress);

    /// <summary>The message for a size over a limit: the size, the limit in words.</summary>
    public static SpecException TooLarge(string path, string field, string what, long limit) =>
        new(new SpecError(path, 0, 0, field, string.Create(CultureInfo.InvariantCulture,
            $"{what}; the limit is {limit} bytes ({Describe(limit)})")));

    /// <summary>A byte count in words: "512 MiB", "1 GiB".</summary>
    public static string Describe(long bytes) =>
        bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 30} GiB")
        : bytes >= 1L << 20 && bytes % (1L << 20) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} B");
}
