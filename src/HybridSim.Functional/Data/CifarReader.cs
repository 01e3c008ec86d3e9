using System.Globalization;

namespace HybridSim.Functional.Data;

/// <summary>
/// The CIFAR binary version: fixed-size records of label byte(s) then 3072 pixel bytes (1024 red, 1024 green, 1024 blue,
/// each 32×32 row-major, which is already C × H × W). CIFAR-10: 1 label byte, 10 classes, folder files
/// <c>data_batch_1.bin</c>..<c>data_batch_5.bin</c> and <c>test_batch.bin</c>. CIFAR-100: a coarse then a fine label byte
/// (the fine one is used, 100 classes), files <c>train.bin</c> and <c>test.bin</c>. Pixels are scaled by 255.
/// </summary>
internal static class CifarReader
{
    public const int Side = 32;
    public const int Channels = 3;
    public const int PixelBytes = Channels * Side * Side;

    public static readonly string[] Cifar10TrainFiles = [.. Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin")];
    public const string Cifar10TestFile = "test_batch.bin";
    public const string Cifar100TrainFile = "train.bin";
    public const string Cifar100TestFile = "test.bin";

    public static int RecordSize(CifarFormat format) => LabelBytes(format) + PixelBytes;

    public static int Classes(CifarFormat format) => format == CifarFormat.Cifar10 ? 10 : 100;

    public static string FormatName(CifarFormat format) => format == CifarFormat.Cifar10 ? "CIFAR-10" : "CIFAR-100";

    /// <summary>The format a single <c>.bin</c> file is in: by its CIFAR file name, else by which record size divides its length.</summary>
    public static CifarFormat Detect(string path, long length)
    {
        var name = Path.GetFileName(path);
        if (name == Cifar10TestFile || Cifar10TrainFiles.Contains(name))
        {
            return CifarFormat.Cifar10;
        }

        if (name is Cifar100TrainFile or Cifar100TestFile)
        {
            return CifarFormat.Cifar100;
        }

        var fits10 = length % RecordSize(CifarFormat.Cifar10) == 0;
        var fits100 = length % RecordSize(CifarFormat.Cifar100) == 0;
        return (fits10, fits100) switch
        {
            (true, false) => CifarFormat.Cifar10,
            (false, true) => CifarFormat.Cifar100,
            _ => throw DataError.At(path,
                $"cannot tell CIFAR-10 from CIFAR-100 by the size ({length.ToString(CultureInfo.InvariantCulture)} bytes); expected a whole number of " +
                $"{RecordSize(CifarFormat.Cifar10)}-byte (CIFAR-10) or {RecordSize(CifarFormat.Cifar100)}-byte (CIFAR-100) records, " +
                $"or a CIFAR file name ({Cifar10TestFile}, data_batch_N.bin, {Cifar100TrainFile}, {Cifar100TestFile})"),
        };
    }

    /// <summary>Reads and concatenates <paramref name="paths"/> (e.g. the five CIFAR-10 training batches) as one set.</summary>
    public static RawSet Read(string name, string source, IReadOnlyList<string> paths, CifarFormat format)
    {
        var files = paths.Select(p => (Path: p, Bytes: DataFile.Read(p))).ToList();
        var record = RecordSize(format);
        foreach (var (path, bytes) in files)
        {
            if (bytes.Length % record != 0)
            {
                var records = (bytes.Length / record) + 1;
                throw DataError.At(path,
                    $"truncated file: expected a whole number of {record}-byte {FormatName(format)} records " +
                    $"({LabelBytes(format)} label byte{(LabelBytes(format) == 1 ? "" : "s")} + {PixelBytes} pixel bytes), " +
                    $"e.g. {N((long)records * record)} bytes for {N(records)} records, found {N(bytes.Length)}");
            }
        }

        var count = files.Sum(f => f.Bytes.Length / record);
        DataFile.CheckValues(source, (long)count * PixelBytes, $"{count} records of {PixelBytes} pixels");
        var images = new float[(long)count * PixelBytes];
        var labels = new int[count];
        var sample = 0;
        var classes = Classes(format);
        foreach (var (path, bytes) in files)
        {
            for (var r = 0; r < bytes.Length / record; r++, sample++)
            {
                var offset = r * record;
                var label = bytes[offset + LabelBytes(format) - 1];
                if (label >= classes)
                {
                    throw DataError.At(path,
                        $"record {N(r)}: label byte {label} out of range; {FormatName(format)} labels are 0..{classes - 1}");
                }

                labels[sample] = label;
                var pixels = bytes.AsSpan(offset + LabelBytes(format), PixelBytes);
                var target = images.AsSpan(sample * PixelBytes, PixelBytes);
                for (var i = 0; i < PixelBytes; i++)
                {
                    target[i] = pixels[i] / 255f;
                }
            }
        }

        return new RawSet(name, source, Channels, Side, Side, images, labels, classes);
    }

    private static int LabelBytes(CifarFormat format) => format == CifarFormat.Cifar10 ? 1 : 2;

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
