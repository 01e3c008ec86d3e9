using System.Globalization;
using System.Text;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Recovery;
using HybridSim.Functional.Training;

namespace HybridSim.Sweeps.Accuracy;

/// <summary>
/// The accuracy half of a sweep (<c>--weights --data [--recover ...] [--instances N]</c>): every point is also run
/// on data, on N chips, after the recovery when one is given.
/// </summary>
/// <param name="Recovery">null: the given weights are evaluated as they are.</param>
/// <param name="Limit">Evaluate the first Limit test samples; null for all.</param>
public sealed record AccuracyRequest(
    string Weights,
    string Data,
    RecoveryMethod? Recovery,
    TrainingOptions Training,
    double BranchLearningRate,
    int? TrainLimit,
    int Instances,
    ulong Seed,
    InferencePath Path,
    int? Limit)
{
    /// <summary>Everything that changes the numbers, in a fixed text form (file contents by digest): part of every point key.</summary>
    public string Canonical(string weightsDigest, string dataDigest)
    {
        var inv = CultureInfo.InvariantCulture;
        var t = Training;
        var text = new StringBuilder();
        text.Append("weights_content=").Append(weightsDigest).Append('\n');
        text.Append("data=").Append(System.IO.Path.GetFileName(Data.TrimEnd('/'))).Append('\n');
        text.Append("data_content=").Append(dataDigest).Append('\n');
        text.Append(inv, $"instances={Instances}\nseed={Seed}\npath={(Path == InferencePath.Exact ? "exact" : "fast")}\nlimit={Limit?.ToString(inv) ?? "all"}\n");
        if (Recovery is { } method)
        {
            text.Append(inv, $"recover={RecoveryOptions.Name(method)}\nepochs={t.Epochs}\nbatch={t.BatchSize}\noptimizer={t.Optimizer}\nlr={t.LearningRate:R}\n");
            text.Append(inv, $"momentum={t.Momentum:R}\ndecay={t.WeightDecay:R}\nschedule={t.Schedule}\ntraining_seed={t.Seed}\nbranch_lr={BranchLearningRate:R}\ntrain_limit={TrainLimit?.ToString(inv) ?? "all"}\n");
        }

        return text.ToString();
    }
}
