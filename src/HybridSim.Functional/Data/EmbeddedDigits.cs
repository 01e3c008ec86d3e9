using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Data;

/// <summary>
/// The built-in <c>digits</c> set (data/digits/README.md): 1,797 8×8 grey images of handwritten digits, pixels 0..16,
/// stored in this assembly as label-first gzipped CSV. Fixed, stratified, seed-free split: within each digit, in file
/// order, every fifth sample (the 5th, 10th, ...) is test, the others train; 1,442 train and 355 test, each part in
/// file order. (The file is not shuffled and its last fifth is harder: a cut there tests a shift of data more than the
/// accelerator; data/digits/README.md gives the figures.)
/// </summary>
internal static class EmbeddedDigits
{
    public const string Name = "digits";
    public const string Source = "embedded";
    public const string ResourceName = "HybridSim.Functional.Data.digits.csv.gz";
    public const int Count = 1797;
    public const int TrainCount = 1442;
    public const int TestCount = Count - TrainCount;

    /// <summary>Within its digit, the 5th, 10th, ... sample (file order) is a test sample.</summary>
    public const int TestEvery = 5;
    public const int Classes = 10;
    public static readonly TensorShape Shape = new(1, 8, 8);

    public static DataSplit Load(WorkloadSpec workload)
    {
        var all = ReadAll();
        var isTest = TestMask(all.Labels);
        var train = Select(all, $"{Name}/train", isTest, test: false);
        var test = Select(all, $"{Name}/test", isTest, test: true);
        return new DataSplit(DatasetPreparer.Prepare(train, workload, Classes), DatasetPreparer.Prepare(test, workload, Classes));
    }

    /// <summary>True for the samples of the test part: per label, those numbered TestEvery − 1, 2·TestEvery − 1, ... from 0.</summary>
    public static bool[] TestMask(int[] labels)
    {
        var seen = new Dictionary<int, int>();
        var mask = new bool[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var rank = seen.GetValueOrDefault(labels[i]);
            seen[labels[i]] = rank + 1;
            mask[i] = rank % TestEvery == TestEvery - 1;
        }

        return mask;
    }

    private static RawSet Select(RawSet all, string name, bool[] isTest, bool test)
    {
        var picked = Enumerable.Range(0, all.Count).Where(i => isTest[i] == test).ToArray();
        var images = new float[picked.Length * all.SampleSize];
        for (var k = 0; k < picked.Length; k++)
        {
            all.Images.AsSpan(picked[k] * all.SampleSize, all.SampleSize).CopyTo(images.AsSpan(k * all.SampleSize));
        }

        return all with { Name = name, Images = images, Labels = [.. picked.Select(i => all.Labels[i])] };
    }

    public static RawSet ReadAll()
    {
        using var stream = typeof(EmbeddedDigits).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from {typeof(EmbeddedDigits).Assembly.GetName().Name}");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var set = CsvDatasetReader.Read(Name, Source, DataFile.Decode(buffer.ToArray(), Source), Shape, "the digits set is 8x8");
        if (set.Count != Count)
        {
            throw new InvalidOperationException($"embedded digits hold {set.Count} samples; expected {Count}");
        }

        return set;
    }
}
