namespace HybridSim.Functional.Inference;

/// <summary>What calibration learns about a matrix's input: its largest magnitude and whether it is ever negative.</summary>
internal sealed class InputStatistics
{
    public double MaxAbs { get; private set; }

    public bool AnyNegative { get; private set; }

    public void Add(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
        {
            MaxAbs = Math.Max(MaxAbs, Math.Abs((double)v));
            AnyNegative |= v < 0;
        }
    }
}
