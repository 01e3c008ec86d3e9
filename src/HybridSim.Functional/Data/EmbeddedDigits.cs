using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Data;

/// <summary>
/// The built-in <c>digits</c> set (data/digits/README.md): 1,797 8×8 grey images of handwritten digits, pixels 0..16,
/// stored in this assembly as label-first gzipped CSV. Fixed split, stratified: of each digit's samples in file
/// order, every fifth (the 5th, 10th, ...) tests and the rest train, so both parts draw on every writer of the
/// collection (the file is ordered by writer group) and every class is in both in proportion.
/// </summary>
internal static class EmbeddedDigits
{
    public const string Name = "digits";
    public const string Source = "embedded";
    public const string ResourceName = "HybridSim.Functional.Data.digits.csv.gz";
    public const int Count = 1797;
    public const int TestEvery = 5;
    public const int TestCount = 355;
    public const int TrainCount = Count - TestCount;
    public const int Classes = 10;
    public static readonly TensorShape Shape = new(1, 8, 8);

    public static DataSplit Load(WorkloadSpec workload)
    {
        var all = ReadAll();
        var isTest = IsTest(all.Labels);
        var train = all.Where($"{Name}/train", i => !isTest[i]);
        var test = all.Where($"{Name}/test", i => isTest[i]);
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

    /// <summary>Per sample: whether it is its digit's 5th, 10th, ... occurrence in file order.</summary>
    private static bool[] IsTest(int[] labels)
    {
        var seen = new int[Classes];
        var test = new bool[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            test[i] = ++seen[labels[i]] % TestEvery == 0;
        }

        return test;
    }
}
