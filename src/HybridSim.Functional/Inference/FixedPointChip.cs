namespace HybridSim.Functional.Inference;

/// <summary>One programmed chip: every matrix of a <see cref="FixedPointModel"/> as that chip holds it.</summary>
public sealed class FixedPointChip
{
    internal FixedPointChip(ulong seed, bool ideal, IReadOnlyDictionary<QuantizedMatrix, ProgrammedMatrix> matrices)
    {
        Seed = seed;
        IsIdeal = ideal;
        Matrices = matrices;
    }

    public ulong Seed { get; }

    /// <summary>True for the reference chip: weights exactly as quantized, no device effects, exact integer MACs.</summary>
    public bool IsIdeal { get; }

    internal IReadOnlyDictionary<QuantizedMatrix, ProgrammedMatrix> Matrices { get; }

    /// <summary>Read-noise draws come from a stream apart from the programming draws of the same seed.</summary>
    internal ulong NoiseSeed => CounterRandom.Mix(Seed ^ 0x52454144UL);
}
