using HybridSim.Functional.Inference;

namespace HybridSim.Functional.Evaluation;

/// <summary>How <c>evaluate</c> runs: chip instances (each one seed), the analog path, the test samples taken.</summary>
/// <param name="Limit">Evaluate the first Limit test samples; null for all.</param>
/// <param name="FirstInstance">The chips are instances FirstInstance .. FirstInstance + Instances - 1 of <paramref name="Seed"/>
/// (one chip's recovered weights are evaluated on that chip alone).</param>
/// <param name="PathCheckSamples">Fast path only: test samples on which the first chip also runs the exact path, to
/// report the gap (<see cref="PathCheck"/>); 0 skips the check.</param>
public sealed record EvaluationOptions(int Instances, ulong Seed, InferencePath Path, int? Limit, int BatchSize = 64, int CalibrationSamples = 256, int FirstInstance = 0,
    int PathCheckSamples = PathCheck.DefaultSamples)
{
    public static ulong InstanceSeed(ulong seed, int instance) => CounterRandom.Key(seed, instance);
}
