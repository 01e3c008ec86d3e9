namespace HybridSim.Functional.Data;

/// <summary>
/// Images as a format reader returns them: sample-major C × H × W, scaled to [0, 1], not yet padded or normalized,
/// labels not yet checked against the workload.
/// </summary>
/// <param name="FormatClasses">Classes the format defines (CIFAR-10: 10, CIFAR-100: 100), or null where only the labels tell (IDX, CSV).</param>
internal sealed record RawSet(string Name, string Source, int Channels, int Height, int Width, float[] Images, int[] Labels, int? FormatClasses)
{
    public int Count => Labels.Length;

    public int SampleSize => Channels * Height * Width;

    /// <summary>Samples [start, start + count) as a set of their own.</summary>
    public RawSet Slice(string name, int start, int count) => this with
    {
        Name = name,
        Images = Images.AsSpan(start * SampleSize, count * SampleSize).ToArray(),
        Labels = Labels.AsSpan(start, count).ToArray(),
    };

    /// <summary>The samples whose index passes <paramref name="keep"/>, in order, as a set of their own.</summary>
    public RawSet Where(string name, Func<int, bool> keep)
    {
        var indices = Enumerable.Range(0, Count).Where(keep).ToArray();
        var images = new float[indices.Length * SampleSize];
        for (var k = 0; k < indices.Length; k++)
        {
            Images.AsSpan(indices[k] * SampleSize, SampleSize).CopyTo(images.AsSpan(k * SampleSize));
        }

        return this with { Name = name, Images = images, Labels = [.. indices.Select(i => Labels[i])] };
    }
}
