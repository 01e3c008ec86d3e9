namespace HybridSim.Functional.Inference;

/// <summary>
/// The quantization of docs/model.md, "Functional model": symmetric per-layer weight scale, activation scale from calibration,
/// round half to even throughout.
/// </summary>
public static class FixedPoint
{
    /// <summary>s_w = max|W| / (2^(K-1) - 1); 1 for an all-zero matrix (every w_q is then 0 anyway).</summary>
    public static double WeightScale(ReadOnlySpan<float> weights, int bits)
    {
        double max = 0;
        foreach (var w in weights)
        {
            max = Math.Max(max, Math.Abs((double)w));
        }

        return max > 0 ? max / ((1L << (bits - 1)) - 1) : 1.0;
    }

    /// <summary>w_q = round(W / s_w), in [-(2^(K-1) - 1), 2^(K-1) - 1] by construction of s_w.</summary>
    public static long QuantizeWeight(double weight, double scale, int bits)
    {
        var limit = (1L << (bits - 1)) - 1;
        return Math.Clamp((long)Math.Round(weight / scale, MidpointRounding.ToEven), -limit, limit);
    }

    /// <summary>s_x = max|x| / (2^I - 1) for non-negative inputs, max|x| / (2^(I-1) - 1) for signed ones; 1 when max|x| is 0.</summary>
    public static double InputScale(double maxAbs, bool signed, int bits)
    {
        if (maxAbs <= 0)
        {
            return 1.0;
        }

        return signed ? maxAbs / ((1L << (bits - 1)) - 1) : maxAbs / ((1L << bits) - 1);
    }

    /// <summary>x_q = round(x / s_x) clipped to [0, 2^I - 1] (unsigned) or [-2^(I-1), 2^(I-1) - 1] (two's complement).</summary>
    /// <remarks>A long: with I = 32 unsigned inputs reach 2^32 - 1, past an int (issue 24, case 8).</remarks>
    public static long QuantizeInput(float x, double scale, bool signed, int bits)
    {
        var q = Math.Round(x / scale, MidpointRounding.ToEven);
        var (lo, hi) = signed ? (-(1L << (bits - 1)), (1L << (bits - 1)) - 1) : (0L, (1L << bits) - 1);
        return (long)Math.Clamp(q, lo, hi);
    }
}
