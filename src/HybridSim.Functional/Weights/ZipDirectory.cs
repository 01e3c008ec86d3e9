using System.Buffers.Binary;
using System.Globalization;
using HybridSim.Specs.Input;
using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Weights;

/// <summary>
/// Checks a zip's central directory against the bytes of the file before any member is opened: the directory lies
/// inside the file, every member's data lies between its local header and the directory, no two members share bytes
/// (a 778 KB file whose eight entries point at one 800 MB member would otherwise inflate eight times), no name repeats,
/// and there are at most <see cref="MaxMembers"/> members. Zip64 sizes and offsets are read. A file without an
/// end-of-central-directory record is left to <see cref="System.IO.Compression.ZipArchive"/>, which refuses it.
/// </summary>
internal static class ZipDirectory
{
    /// <summary>Most members one weights file may have (a workload has at most 100,000 layers of a few tensors each).</summary>
    public const int MaxMembers = 1_000_000;

    private const uint EndSignature = 0x06054b50, Zip64EndSignature = 0x06064b50, Zip64LocatorSignature = 0x07064b50;
    private const uint CentralSignature = 0x02014b50, LocalSignature = 0x04034b50;

    public static void Check(byte[] zip, string path)
    {
        SpecException Error(string where, string message) => new(new SpecError(path, 0, 0, where, message));
        static string N(long v) => v.ToString(CultureInfo.InvariantCulture);

        var end = FindEnd(zip);
        if (end < 0)
        {
            return;
        }

        long entries = U16(zip, end + 10);
        long size = U32(zip, end + 12);
        long offset = U32(zip, end + 16);
        var directoryEnd = (long)end;
        if ((entries == 0xFFFF || size == 0xFFFFFFFF || offset == 0xFFFFFFFF) && end >= 20 && U32(zip, end - 20) == Zip64LocatorSignature)
        {
            var at = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip.AsSpan(end - 12));
            if (at < 0 || at > end - 56 || U32(zip, at) != Zip64EndSignature)
            {
                throw Error("", $"inconsistent zip: the zip64 end record's offset {N(at)} does not point at one; expected a whole .npz file");
            }

            entries = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip.AsSpan((int)at + 32));
            size = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip.AsSpan((int)at + 40));
            offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip.AsSpan((int)at + 48));
            directoryEnd = at;
        }

        if (entries > MaxMembers)
        {
            throw Error("", $"the zip declares {N(entries)} members; a weights file may have at most {N(MaxMembers)}");
        }

        if (offset < 0 || size < 0 || offset > directoryEnd || size > directoryEnd - offset)
        {
            throw Error("", $"inconsistent zip: its central directory ({N(size)} bytes at offset {N(offset)}) lies outside the {N(zip.Length)}-byte file");
        }

        var spans = new List<(long Start, long End, string Name)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var p = offset;
        for (long i = 0; i < entries; i++)
        {
            if (p + 46 > offset + size || U32(zip, p) != CentralSignature)
            {
                throw Error("", $"inconsistent zip: central directory entry {N(i)} of {N(entries)} is missing or torn; expected a whole .npz file");
            }

            long compressed = U32(zip, p + 20);
            long uncompressed = U32(zip, p + 24);
            int nameLength = U16(zip, p + 28), extraLength = U16(zip, p + 30), commentLength = U16(zip, p + 32);
            long local = U32(zip, p + 42);
            var next = p + 46 + nameLength + extraLength + commentLength;
            if (next > offset + size)
            {
                throw Error("", $"inconsistent zip: central directory entry {N(i)} runs past the directory");
            }

            var name = System.Text.Encoding.UTF8.GetString(zip, (int)(p + 46), nameLength);
            ReadZip64(zip, p + 46 + nameLength, extraLength, ref uncompressed, ref compressed, ref local);
            var where = Excerpt.Of(name);
            if (!names.Add(name))
            {
                throw Error(where, "the zip holds two members of this name; each array must appear once");
            }

            if (local < 0 || local + 30 > offset || U32(zip, local) != LocalSignature)
            {
                throw Error(where, $"inconsistent zip: the member's local header offset {N(local)} does not point at a local header before the central directory");
            }

            var dataStart = local + 30 + U16(zip, local + 26) + U16(zip, local + 28);
            if (compressed < 0 || dataStart > offset || compressed > offset - dataStart)
            {
                throw Error(where, $"inconsistent zip: the member's {N(compressed)} bytes at offset {N(dataStart)} run past the start of the central directory at {N(offset)}");
            }

            spans.Add((local, dataStart + compressed, name));
            p = next;
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var k = 1; k < spans.Count; k++)
        {
            if (spans[k].Start < spans[k - 1].End)
            {
                throw Error(Excerpt.Of(spans[k].Name),
                    $"inconsistent zip: this member's bytes (from offset {N(spans[k].Start)}) overlap those of '{Excerpt.Of(spans[k - 1].Name)}' (to offset {N(spans[k - 1].End)}); each member must have bytes of its own");
            }
        }
    }

    /// <summary>The zip64 extended-information extra field (id 1) holds, in order, the sizes and offset stored as 0xFFFFFFFF.</summary>
    private static void ReadZip64(byte[] zip, long at, int length, ref long uncompressed, ref long compressed, ref long local)
    {
        var end = at + length;
        while (at + 4 <= end)
        {
            int id = U16(zip, at), size = U16(zip, at + 2);
            var field = at + 4;
            if (id == 1)
            {
                foreach (var which in new[] { 0, 1, 2 })
                {
                    ref var value = ref which == 0 ? ref uncompressed : ref which == 1 ? ref compressed : ref local;
                    if (value == 0xFFFFFFFF && field + 8 <= at + 4 + size && field + 8 <= end)
                    {
                        value = (long)Math.Min(long.MaxValue, BinaryPrimitives.ReadUInt64LittleEndian(zip.AsSpan((int)field)));
                        field += 8;
                    }
                }
            }

            at += 4 + size;
        }
    }

    /// <summary>The end-of-central-directory record: searched backwards over the last 64 KiB + 22 bytes (its comment may be up to 64 KiB).</summary>
    private static int FindEnd(byte[] zip)
    {
        for (var at = zip.Length - 22; at >= Math.Max(0, zip.Length - 22 - 0xFFFF); at--)
        {
            if (U32(zip, at) == EndSignature)
            {
                return at;
            }
        }

        return -1;
    }

    private static ushort U16(byte[] b, long at) => at >= 0 && at + 2 <= b.Length ? BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan((int)at)) : (ushort)0;

    private static uint U32(byte[] b, long at) => at >= 0 && at + 4 <= b.Length ? BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan((int)at)) : 0;
}
