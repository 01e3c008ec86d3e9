using HybridSim.Functional.Evaluation;

namespace HybridSim.Functional.Recovery;

/// <summary>One task of a multi-task run: W alone and W with the task's own branch, on the same chips.</summary>
/// <param name="WithoutBranch">The shared W on the chips, every branch zero.</param>
/// <param name="WithBranch">The task's A and B fine-tuned on each chip (Algorithm 2), evaluated on that chip.</param>
/// <param name="BranchWeightsWritten">Values written into SRAM to switch to this task (every A and B).</param>
/// <param name="RramWeightsRewritten">Values fine-tuning W itself would rewrite on RRAM (every analog W).</param>
public sealed record TaskResult(TaskSpec Task, int TrainSamples, AccuracyReport WithoutBranch, AccuracyReport WithBranch, long BranchWeightsWritten, long RramWeightsRewritten);
