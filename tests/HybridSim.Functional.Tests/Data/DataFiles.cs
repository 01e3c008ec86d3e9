using System.Buffers.Binary;
using System.IO.Compression;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Data;

/// <summary>Small data files written byte by byte, and workloads to fit them to.</summary>
internal static class DataFiles
{
    /// <summary>An IDX images file: magic 0x00000803, count, rows, columns (big-endian), then the pixel bytes.</summary>
    public static byte[] IdxImages(int count, int rows, int cols, Func<int, int, int, byte> pixel, int magic = 0x00000803)
    {
        var bytes = new byte[16 + (count * rows * cols)];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), cols);
        for (var i = 0; i < count; i++)
        {
            for (var y = 0; y < rows; y++)
            {
                for (var x = 0; x < cols; x++)
                {
                    bytes[16 + (i * rows * cols) + (y * cols) + x] = pixel(i, y, x);
                }
            }
        }

        return bytes;
    }

    /// <summary>An IDX labels file: magic 0x00000801, count, then one byte per label.</summary>
    public static byte[] IdxLabels(params byte[] labels)
    {
        var bytes = new byte[8 + labels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x00000801);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), labels.Length);
        labels.CopyTo(bytes, 8);
        return bytes;
    }

    /// <summary>CIFAR records: the label byte(s) (CIFAR-100: coarse then fine) and 3072 pixel bytes each.</summary>
    public static byte[] Cifar(bool cifar100, IReadOnlyList<int> labels, Func<int, int, byte> pixel)
    {
        var labelBytes = cifar100 ? 2 : 1;
        var record = labelBytes + 3072;
        var bytes = new byte[labels.Count * record];
        for (var r = 0; r < labels.Count; r++)
        {
            if (cifar100)
            {
                bytes[r * record] = (byte)(labels[r] / 5); // coarse: any value; the reader must take the fine label
            }

            bytes[(r * record) + labelBytes - 1] = (byte)labels[r];
            for (var i = 0; i < 3072; i++)
            {
                bytes[(r * record) + labelBytes + i] = pixel(r, i);
            }
        }

        return bytes;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    public static string Write(this TempDirectory dir, string name, byte[] bytes)
    {
        var path = Path.Combine(dir.Path, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A one-layer workload (flatten, fc) on a <paramref name="c"/>×<paramref name="h"/>×<paramref name="w"/> input.</summary>
    public static WorkloadSpec Workload(int c, int h, int w, int classes = 10, string dataset = "") =>
        WorkloadLoader.Parse($"""
            name: test-net
            input: [{c}, {h}, {w}]
            {dataset}
            layers:
              - {"{"}name: flatten, kind: flatten{"}"}
              - {"{"}name: fc, kind: fc, out_features: {classes}{"}"}
            """, "test-net.yaml");
}
