namespace HybridSim.Functional.Data;

/// <summary>
/// Images as a format reader returns them: sample-major C × H × W, scaled to [0, 1], not yet padded or normalized,
/// labels not yet checked against the workload.
/// </summary>
/// <param name="FormatClasses">Classes the format defines (CIFAR-10: 10, CIFAR-100: 100), or null where only the labels tell (IDX, CSV).</param>
/// <param name="LabelSource">The file the labels come from when it is not <paramref name="Source"/> (IDX's labels file), for messages.</param>
internal sealed record RawSet(string Name, string Source, int Channels, int Height, int Width, float[] Images, int[] Labels, int? FormatClasses, string? LabelSource = null)
{
    public int Count => Labels.Length;

    public int SampleSize => Channels * Height * Width;

}
