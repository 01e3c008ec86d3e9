using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Inference;

/// <summary>How one conv or fc layer runs in fixed point: its main matrix, an optional LoBranch pair, and the
/// batch-norm layer folded into it (skipped at inference), if any.</summary>
internal sealed record WeightLayerPlan(int Index, LayerSpec Layer, int? FoldedBatchNorm, QuantizedMatrix Main, QuantizedMatrix? BranchA, QuantizedMatrix? BranchB);
