using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using HybridSim.Functional.Weights;

namespace HybridSim.Robustness.Tests.Accuracy;

/// <summary>
/// Hostile data, weights and model files for the accuracy half (issue 24), written by the tests byte by byte: nothing
/// hostile is committed. Also the measured CLI call every case goes through: exit code, output, seconds and bytes.
/// </summary>
internal static class HostileFiles
{
    /// <summary>A refusal must be cheap however large the request: these bounds are loose on purpose.</summary>
    public const double RefusalSeconds = 30;

    public const long RefusalBytes = 1L << 30;

    /// <summary>The issue's <c>EV</c>, on the shipped trained cnn-digits: evaluate on the fast path, freeze-2.</summary>
    public static string[] Evaluate(string weights, params string[] more) =>
        ["evaluate", "--arch", Cli.Arch("hyperx-128-16b.yaml"), "--workload", "cnn-digits", "--weights", weights, "--data", "digits", "--freeze", "2", "--path", "fast", .. more];

    /// <summary>The same evaluate of the shipped weights on <paramref name="data"/>.</summary>
    public static string[] EvaluateData(string data) =>
        ["evaluate", "--arch", Cli.Arch("hyperx-128-16b.yaml"), "--workload", "cnn-digits", "--weights", ShippedWeights, "--data", data, "--freeze", "2", "--path", "fast"];

    public static string ShippedWeights => Path.Combine(Cli.Root, "weights", "cnn-digits.npz");

    /// <summary>Runs the CLI in-process and asserts it took under <see cref="RefusalSeconds"/> and allocated under <see cref="RefusalBytes"/>.</summary>
    public static (int Code, string Out, string Err) Measured(params string[] args)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = Cli.Invoke(args);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(clock.Elapsed.TotalSeconds < RefusalSeconds, $"took {clock.Elapsed.TotalSeconds:F1} s; stderr: {result.Err}");
        Assert.True(allocated < RefusalBytes, $"allocated {allocated >> 20} MiB; stderr: {result.Err}");
        Assert.NotEqual(70, result.Code);
        Assert.NotEqual(134, result.Code);
        return result;
    }

    /// <summary>An npy file's bytes: the version-1.0 preamble, the header dict padded to 64 bytes, then <paramref name="data"/>.</summary>
    public static byte[] Npy(string descr, string shape, byte[] data)
    {
        var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        var text = dict + new string(' ', 64 - ((10 + dict.Length + 1) % 64)) + "\n";
        var bytes = new byte[10 + text.Length + data.Length];
        bytes[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY").CopyTo(bytes, 1);
        bytes[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)text.Length);
        Encoding.ASCII.GetBytes(text).CopyTo(bytes, 10);
        data.CopyTo(bytes, 10 + text.Length);
        return bytes;
    }

    /// <summary>A zip of stored members, as <c>np.savez</c> writes.</summary>
    public static byte[] Zip(params (string Name, byte[] Bytes)[] members)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in members)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                entry.Write(bytes);
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// A zip whose central directory lists <paramref name="names"/>, every entry pointing at the same one deflated member
    /// (the overlapping-entries bomb: each entry inflates the same bytes).
    /// </summary>
    public static byte[] OverlappingZip(byte[] member, params string[] names)
    {
        var deflated = Deflate(member);
        var crc = Crc32(member);
        using var output = new MemoryStream();
        var w = new BinaryWriter(output);
        var first = Encoding.UTF8.GetBytes(names[0]);
        w.Write(0x04034b50u);
        w.Write((ushort)20);
        w.Write((ushort)0);
        w.Write((ushort)8);
        w.Write(0u);
        w.Write(crc);
        w.Write((uint)deflated.Length);
        w.Write((uint)member.Length);
        w.Write((ushort)first.Length);
        w.Write((ushort)0);
        w.Write(first);
        w.Write(deflated);
        var directory = output.Position;
        foreach (var name in names)
        {
            var n = Encoding.UTF8.GetBytes(name);
            w.Write(0x02014b50u);
            w.Write((ushort)20);
            w.Write((ushort)20);
            w.Write((ushort)0);
            w.Write((ushort)8);
            w.Write(0u);
            w.Write(crc);
            w.Write((uint)deflated.Length);
            w.Write((uint)member.Length);
            w.Write((ushort)n.Length);
            w.Write((ushort)0);
            w.Write((ushort)0);
            w.Write((ushort)0);
            w.Write((ushort)0);
            w.Write(0u);
            w.Write(0u); // every entry's local header is the first one
            w.Write(n);
        }

        var size = output.Position - directory;
        w.Write(0x06054b50u);
        w.Write((ushort)0);
        w.Write((ushort)0);
        w.Write((ushort)names.Length);
        w.Write((ushort)names.Length);
        w.Write((uint)size);
        w.Write((uint)directory);
        w.Write((ushort)0);
        w.Flush();
        return output.ToArray();
    }

    /// <summary>Gzip of <paramref name="chunk"/> repeated <paramref name="copies"/> times as concatenated members (cheap to write, large to inflate).</summary>
    public static byte[] GzipRepeated(byte[] chunk, int copies)
    {
        var one = DataFilesGzip(chunk);
        var bytes = new byte[one.Length * copies];
        for (var i = 0; i < copies; i++)
        {
            one.CopyTo(bytes, i * one.Length);
        }

        return bytes;
    }

    /// <summary>The shipped cnn-digits weights with <paramref name="change"/> applied to the named tensor.</summary>
    public static string ChangedWeights(TempDirectory dir, string name, string tensor, Action<float[]> change)
    {
        var arrays = NpzFile.Read(ShippedWeights).Select(a =>
        {
            if (a.Name != tensor)
            {
                return a;
            }

            var data = (float[])a.Data.Clone();
            change(data);
            return a with { Data = data };
        }).ToList();
        var path = Path.Combine(dir.Path, name);
        NpzFile.Write(path, arrays);
        return path;
    }

    private static byte[] DataFilesGzip(byte[] bytes) => HybridSim.Functional.Tests.Data.DataFiles.Gzip(bytes);

    private static byte[] Deflate(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(bytes);
        }

        return output.ToArray();
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
