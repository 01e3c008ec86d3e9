using System.Globalization;

namespace HybridSim.Functional.Evaluation;

/// <summary>
/// A fast-path evaluation's check against the exact path: both paths' accuracy on the first <see cref="Samples"/>
/// test samples of the first chip (README, "Exact or fast"). The fast path's ideal ADC keeps analog errors that the
/// exact path's rounds away where a conversion reads few cells; this says when that moved the result.
/// </summary>
public sealed record PathCheck(int Samples, double ExactAccuracy, double FastAccuracy)
{
    /// <summary>Largest gap, in percentage points, that passes without a warning.</summary>
    public const double TolerancePoints = 1.0;

    /// <summary>Default number of test samples the check runs (0 turns it off).</summary>
    public const int DefaultSamples = 200;

    public double GapPoints => 100 * Math.Abs(FastAccuracy - ExactAccuracy);

    public bool Exceeded => GapPoints > TolerancePoints;

    /// <summary>The warning line for <paramref name="what"/> (a point's name), or null within the tolerance.</summary>
    public string? Warning(string what)
    {
        if (!Exceeded)
        {
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        return string.Create(inv, $"warning: {what}: on the first {Samples} test samples of the first chip the fast path scores {100 * FastAccuracy:0.00}% and the exact path {100 * ExactAccuracy:0.00}%, {GapPoints:0.00} points apart (more than {TolerancePoints:0.#}); the fast path's ideal ADC keeps analog errors the real ADC rounds away, so use --path exact here (README, \"Exact or fast\")");
    }
}
