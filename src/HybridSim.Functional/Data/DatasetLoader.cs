using System.Collections.Immutable;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;
using HybridSim.Specs.Yaml;

namespace HybridSim.Functional.Data;

/// <summary>
/// Finds and reads what <c>--data</c> names, fitted to a workload (docs/model.md, "Functional model"): a known name (<c>digits</c>, the
/// embedded set; <c>fashion-mnist</c>, Debian's dataset-fashion-mnist package), a folder (IDX or CIFAR binary, with
/// train and test parts), or a single file (IDX images with their labels file beside them, a CIFAR <c>.bin</c>, or CSV),
/// which is one set: Train null, Test the whole file. Known names come first: write <c>./digits</c> for a folder of
/// that name. Every problem is a <see cref="SpecException"/> naming the file.
/// </summary>
public static class DatasetLoader
{
    public const string Digits = "digits";
    public const string FashionMnist = "fashion-mnist";

    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package puts the four gzipped IDX files.</summary>
    public const string FashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    public const string FashionMnistPackage = "dataset-fashion-mnist";

    /// <summary>Samples of the embedded digits' fixed split (per digit, every fifth sample in file order is test): 1,442 train, 355 test.</summary>
    public const int DigitsTrainCount = EmbeddedDigits.TrainCount;

    public const int DigitsTestCount = EmbeddedDigits.TestCount;

    public static ImmutableArray<string> KnownNames { get; } = [Digits, FashionMnist];

    private static readonly string[] IdxPrefixes = ["train", "t10k"];

    public static DataSplit Load(string data, WorkloadSpec workload) => Load(data, workload, FashionMnistFolder);

    /// <summary>As <see cref="Load(string, WorkloadSpec)"/>, with Fashion-MNIST looked for in <paramref name="fashionMnistFolder"/>.</summary>
    internal static DataSplit Load(string data, WorkloadSpec workload, string fashionMnistFolder)
    {
        switch (data)
        {
            case Digits:
                return EmbeddedDigits.Load(workload);
            case FashionMnist:
                return LoadFashionMnist(workload, fashionMnistFolder);
        }

        if (File.Exists(data))
        {
            return new DataSplit(null, LoadFile(data, workload));
        }

        if (Directory.Exists(data))
        {
            return LoadFolder(data, workload);
        }

        var known = string.Join(", ", KnownNames);
        throw DataError.At(data,
            $"no such file or folder, and not a known data set name{DidYouMean.Hint(data, KnownNames)}; expected a file or folder " +
            $"(IDX, CIFAR binary or CSV) or one of the known names: {known}");
    }

    private static DataSplit LoadFashionMnist(WorkloadSpec workload, string folder)
    {
        if (!Directory.Exists(folder) || FindIdx(folder, "t10k", "images", "idx3") is null)
        {
            throw DataError.At(FashionMnist,
                $"Fashion-MNIST is not installed: expected the IDX files of Debian's {FashionMnistPackage} package in {folder}; " +
                $"install it with 'sudo apt-get install {FashionMnistPackage}', or pass the folder that holds " +
                "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz");
        }

        return LoadIdxFolder(folder, FashionMnist, workload) ?? throw new InvalidOperationException("checked above");
    }

    private static DataSplit LoadFolder(string folder, WorkloadSpec workload)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        if (LoadIdxFolder(folder, name, workload) is { } idx)
        {
            return idx;
        }

        if (LoadCifarFolder(folder, name, workload) is { } cifar)
        {
            return cifar;
        }

        // The CIFAR archives unpack into one folder of their own: accept its parent too.
        foreach (var inner in new[] { "cifar-10-batches-bin", "cifar-100-binary" })
        {
            var sub = Path.Combine(folder, inner);
            if (Directory.Exists(sub) && LoadCifarFolder(sub, inner, workload) is { } nested)
            {
                return nested;
            }
        }

        throw DataError.At(folder,
            "no data set in this folder; expected IDX files (t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, optionally " +
            "gzipped, with train-images-idx3-ubyte and train-labels-idx1-ubyte for a train part), CIFAR-10 binary files " +
            $"({CifarReader.Cifar10TestFile} and data_batch_1.bin..data_batch_5.bin) or CIFAR-100 binary files " +
            $"({CifarReader.Cifar100TestFile} and {CifarReader.Cifar100TrainFile})");
    }

    /// <summary>An IDX folder's train and test parts; null when the folder has no t10k images.</summary>
    private static DataSplit? LoadIdxFolder(string folder, string name, WorkloadSpec workload)
    {
        var parts = new RawSet?[2];
        var found = false;
        for (var p = 0; p < IdxPrefixes.Length; p++)
        {
            var prefix = IdxPrefixes[p];
            var images = FindIdx(folder, prefix, "images", "idx3");
            var labels = FindIdx(folder, prefix, "labels", "idx1");
            if (images is null && labels is null)
            {
                continue;
            }

            found = true;
            if (images is null || labels is null)
            {
                var missing = images is null ? $"{prefix}-images-idx3-ubyte[.gz]" : $"{prefix}-labels-idx1-ubyte[.gz]";
                throw DataError.At(images ?? labels!, $"{missing} is missing beside it; expected IDX images and labels in pairs");
            }

            parts[p] = IdxReader.Read($"{name}/{(prefix == "train" ? "train" : "test")}", images, labels);
        }

        if (!found)
        {
            return null;
        }

        if (parts[1] is not { } test)
        {
            throw DataError.At(folder, "IDX train files but no test files; expected t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz]");
        }

        return Prepare(parts[0], test, workload);
    }

    /// <summary>A CIFAR-10 or CIFAR-100 binary folder; null when it has neither test file.</summary>
    private static DataSplit? LoadCifarFolder(string folder, string name, WorkloadSpec workload)
    {
        string Cifar(string file) => Path.Combine(folder, file);
        if (File.Exists(Cifar(CifarReader.Cifar10TestFile)))
        {
            var present = CifarReader.Cifar10TrainFiles.Where(f => File.Exists(Cifar(f))).ToList();
            if (present.Count is > 0 and < 5)
            {
                var missing = CifarReader.Cifar10TrainFiles.Except(present);
                throw DataError.At(folder, $"CIFAR-10 folder lacks {string.Join(", ", missing)}; expected all of data_batch_1.bin..data_batch_5.bin, or none for a test set alone");
            }

            var train = present.Count == 0 ? null : CifarReader.Read($"{name}/train", folder, [.. present.Select(Cifar)], CifarFormat.Cifar10);
            var test = CifarReader.Read($"{name}/test", Cifar(CifarReader.Cifar10TestFile), [Cifar(CifarReader.Cifar10TestFile)], CifarFormat.Cifar10);
            return Prepare(train, test, workload);
        }

        if (File.Exists(Cifar(CifarReader.Cifar100TestFile)))
        {
            var trainPath = Cifar(CifarReader.Cifar100TrainFile);
            var train = File.Exists(trainPath) ? CifarReader.Read($"{name}/train", trainPath, [trainPath], CifarFormat.Cifar100) : null;
            var testPath = Cifar(CifarReader.Cifar100TestFile);
            var test = CifarReader.Read($"{name}/test", testPath, [testPath], CifarFormat.Cifar100);
            return Prepare(train, test, workload);
        }

        return null;
    }

    private static Dataset LoadFile(string path, WorkloadSpec workload)
    {
        var name = Path.GetFileName(path);
        var bytes = DataFile.Read(path);
        var lower = name.ToLowerInvariant();
        RawSet raw;
        if (IdxReader.LooksLikeIdx(bytes) || lower.Contains("ubyte", StringComparison.Ordinal) || lower.Contains(".idx", StringComparison.Ordinal))
        {
            IdxReader.CheckMagic(path, bytes, IdxReader.ImagesMagic, "IDX images (idx3-ubyte)");
            var labels = LabelsBeside(path);
            raw = IdxReader.Read(name, path, bytes, labels, DataFile.Read(labels));
        }
        else if (lower.EndsWith(".bin", StringComparison.Ordinal))
        {
            raw = CifarReader.Read(name, path, [path], CifarReader.Detect(path, bytes.Length));
        }
        else if (lower.EndsWith(".csv", StringComparison.Ordinal) || lower.EndsWith(".csv.gz", StringComparison.Ordinal) || LooksLikeText(bytes))
        {
            raw = CsvDatasetReader.Read(name, path, bytes, DatasetPreparer.ImageShape(workload), DatasetPreparer.ImageShapeReason(workload));
        }
        else
        {
            throw DataError.At(path,
                "unrecognized data file; expected IDX images (magic 0x00000803, e.g. t10k-images-idx3-ubyte[.gz]), " +
                "a CIFAR binary file (.bin) or CSV (.csv, label first)");
        }

        return Prepare(null, raw, workload).Test;
    }

    /// <summary>The labels file of an IDX images file: the same name with images→labels and idx3→idx1, raw or gzipped.</summary>
    private static string LabelsBeside(string imagesPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(imagesPath))!;
        var name = Path.GetFileName(imagesPath);
        var stem = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
        var labels = stem.Replace("images", "labels", StringComparison.Ordinal).Replace("idx3", "idx1", StringComparison.Ordinal);
        foreach (var candidate in new[] { labels, labels + ".gz" })
        {
            var path = Path.Combine(folder, candidate);
            if (candidate != name && File.Exists(path))
            {
                return path;
            }
        }

        throw DataError.At(imagesPath, $"no labels file beside this IDX images file; expected {labels} or {labels}.gz in {folder}");
    }

    private static string? FindIdx(string folder, string prefix, string kind, string idx)
    {
        foreach (var stem in new[] { $"{prefix}-{kind}-{idx}-ubyte", $"{prefix}-{kind}.{idx}-ubyte" })
        {
            foreach (var file in new[] { stem, stem + ".gz" })
            {
                var path = Path.Combine(folder, file);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    /// <summary>CSV is text: the start of the file holds no control bytes other than tab, CR and LF.</summary>
    private static bool LooksLikeText(byte[] bytes) =>
        bytes.AsSpan(0, Math.Min(bytes.Length, 4096)).IndexOfAnyInRange((byte)0, (byte)8) < 0
        && bytes.AsSpan(0, Math.Min(bytes.Length, 4096)).IndexOfAnyInRange((byte)14, (byte)31) < 0;

    /// <summary>Both parts fitted to the workload; classes from the format, else the largest label of either part + 1.</summary>
    private static DataSplit Prepare(RawSet? train, RawSet test, WorkloadSpec workload)
    {
        var classes = test.FormatClasses ?? Math.Max(train is null ? 0 : train.Labels.Max(), test.Labels.Max()) + 1;
        var preparedTrain = train is null ? null : DatasetPreparer.Prepare(train, workload, classes);
        return new DataSplit(preparedTrain, DatasetPreparer.Prepare(test, workload, classes));
    }
}
