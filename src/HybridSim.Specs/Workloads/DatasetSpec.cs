using System.Collections.Immutable;

namespace HybridSim.Specs.Workloads;

/// <summary>
/// How the workload wants its input images prepared (the optional <c>dataset:</c> block): pixels are scaled to [0, 1],
/// zero-padded by <paramref name="Pad"/> pixels on each side, then normalized per channel as (x − mean) / std.
/// </summary>
/// <param name="Mean">Per input channel; empty when not given (no shift).</param>
/// <param name="Std">Per input channel, each positive; empty when not given (no scaling).</param>
/// <param name="Pad">Zero pixels added on each side of every image (0: none), e.g. 2 to fit 28×28 images to a 32×32 input.</param>
public sealed record DatasetSpec(ImmutableArray<double> Mean, ImmutableArray<double> Std, int Pad)
{
    /// <summary>No padding, no normalization.</summary>
    public static DatasetSpec None { get; } = new([], [], 0);

    /// <summary>The mean of <paramref name="channel"/> (0 when no mean is given).</summary>
    public double MeanOf(int channel) => Mean.IsDefaultOrEmpty ? 0 : Mean[channel];

    /// <summary>The standard deviation of <paramref name="channel"/> (1 when none is given).</summary>
    public double StdOf(int channel) => Std.IsDefaultOrEmpty ? 1 : Std[channel];
}
