using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Data;

/// <summary>
/// The built-in <c>digits</c> set (data/digits/README.md): 1,797 8×8 grey images of handwritten digits, pixels 0..16,
/// stored in this assembly as label-first gzipped CSV. Fixed split: the first 1,437 samples train, the last 360 test.
/// </summary>
internal static class EmbeddedDigits
{
    public const string Name = "digits";
    public const string Source = "embedded";
    public const string ResourceName = "HybridSim.Functional.Data.digits.csv.gz";
    public const int Count = 1797;
    public const int TrainCount = 1437;
    public const int TestCount = Count - TrainCount;
    public const int Classes = 10;
    public static readonly TensorShape Shape = new(1, 8, 8);

    public static DataSplit Load(WorkloadSpec workload)
    {
        var all = ReadAll();
        var train = all.Slice($"{Name}/train", 0, TrainCount);
        var test = all.Slice($"{Name}/test", TrainCount, TestCount);
        return new DataSplit(DatasetPreparer.Prepare(train, workload, Classes), DatasetPreparer.Prepare(test, workload, Classes));
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
