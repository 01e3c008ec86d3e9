namespace HybridSim.Functional.Data;

/// <summary>
/// Labelled images, sample-major: sample i is Images[i·C·H·W .. (i+1)·C·H·W), channel-major inside (C × H × W),
/// already scaled to [0, 1] and normalized as the workload asks.
/// </summary>
/// <param name="Name">What the set is, for reports (e.g. <c>digits/test</c>, <c>fashion-mnist/test</c>, a file name).</param>
/// <param name="Source">The file or folder it was read from (<c>embedded</c> for the built-in digits).</param>
public sealed record Dataset(string Name, string Source, int Channels, int Height, int Width, int Classes, float[] Images, int[] Labels)
{
    public int Count => Labels.Length;

    public int SampleSize => Channels * Height * Width;

    public ReadOnlySpan<float> Image(int i) => Images.AsSpan(i * SampleSize, SampleSize);

    /// <summary>The first <paramref name="count"/> samples (all when count is at least Count).</summary>
    public Dataset Take(int count)
    {
        if (count >= Count)
        {
            return this;
        }

        return this with
        {
            Images = Images.AsSpan(0, count * SampleSize).ToArray(),
            Labels = Labels.AsSpan(0, count).ToArray(),
        };
    }

    /// <summary>The samples whose label is in <paramref name="classes"/>, in order (a task of a multi-task study); labels keep their values.</summary>
    public Dataset WithClasses(IReadOnlySet<int> classes, string name)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var kept = Enumerable.Range(0, Count).Where(i => classes.Contains(Labels[i])).ToArray();
        var images = new float[kept.Length * SampleSize];
        for (var k = 0; k < kept.Length; k++)
        {
            Image(kept[k]).CopyTo(images.AsSpan(k * SampleSize, SampleSize));
        }

        return this with { Name = name, Images = images, Labels = [.. kept.Select(i => Labels[i])] };
    }
}
