namespace HybridSim.Functional.Inference;

/// <summary>
/// Random numbers addressed by a key rather than drawn from a stream: the value for (seed, a, b, c, d) is the same
/// whatever the batch size, the order of evaluation or the number of threads, so a programmed chip and its read noise
/// are reproducible byte for byte. SplitMix64 finalizer over the mixed key; Box-Muller for normals.
/// </summary>
public static class CounterRandom
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Key(ulong seed, long a, long b = 0, long c = 0, long d = 0)
    {
        var h = Mix(seed);
        h = Mix(h ^ (ulong)a);
        h = Mix(h ^ (ulong)b);
        h = Mix(h ^ (ulong)c);
        return Mix(h ^ (ulong)d);
    }

    /// <summary>A uniform double in (0, 1) from a key.</summary>
    public static double Uniform(ulong key) => ((key >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>A standard normal from a key (Box-Muller on two uniforms derived from it).</summary>
    public static double Normal(ulong key)
    {
        var u1 = Uniform(Mix(key ^ 0x5851F42D4C957F2DUL));
        var u2 = Uniform(Mix(key ^ 0x14057B7EF767814FUL));
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
