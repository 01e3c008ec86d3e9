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

    /// <summary>This chip holding <paramref name="model"/>'s matrices: the ones it programmed stay as programmed; a
    /// digital matrix it does not hold (a branch being trained) is exact.</summary>
    internal FixedPointChip Rebind(FixedPointModel model) => new(Seed, IsIdeal, model.Matrices.ToDictionary(
        m => m,
        m => Matrices.TryGetValue(m, out var p) ? p : m.Analog is null ? ProgrammedMatrix.Ideal(m)
            : throw new InvalidOperationException($"analog matrix {m.Name} was not programmed on chip {Seed}")));

    /// <summary>Read-noise draws come from a stream apart from the programming draws of the same seed.</summary>
    internal ulong NoiseSeed => CounterRandom.Mix(Seed ^ 0x52454144UL);
}
