using System.Collections.Immutable;

namespace HybridSim.Sweeps.Accuracy;

/// <summary>The accuracy columns of <c>sweep.csv</c> (docs/model.md, "Functional model"), in table order; each a fraction in [0, 1].</summary>
public static class AccuracyColumns
{
    /// <summary>Mean over chips after the recovery (the given weights when none ran).</summary>
    public const string Accuracy = "accuracy";

    public const string AccuracyStd = "accuracy_std";

    /// <summary>The given weights on the chips; for a rank point with untrained branches, W alone (no branch).</summary>
    public const string BeforeRecovery = "accuracy_before_recovery";

    public const string BeforeRecoveryStd = "accuracy_before_recovery_std";

    /// <summary>After LoBranch Algorithm 1 alone (<c>--recover lobranch</c>).</summary>
    public const string Algorithm1 = "accuracy_alg1";

    public const string Algorithm1Std = "accuracy_alg1_std";

    /// <summary>The given weights in float, no quantization.</summary>
    public const string Float = "float_accuracy";

    /// <summary>The given weights in fixed point with an ideal device: the variation-free accuracy.</summary>
    public const string Quantized = "quantized_accuracy";

    /// <summary>Least accuracy over the chips after recovery.</summary>
    public const string Minimum = "accuracy_min";

    /// <summary>1 on each series' operating point under <c>--max-accuracy-drop</c>, 0 elsewhere.</summary>
    public const string Chosen = "chosen";

    /// <summary>Fast path only: the exact path's accuracy on the check's samples of the first chip, given weights (README, "Exact or fast").</summary>
    public const string PathCheckExact = "path_check_exact_accuracy";

    /// <summary>Fast path only: the fast path's accuracy on the same samples and chip.</summary>
    public const string PathCheckFast = "path_check_fast_accuracy";

    public static readonly ImmutableArray<string> All =
        [Accuracy, AccuracyStd, BeforeRecovery, BeforeRecoveryStd, Algorithm1, Algorithm1Std, Float, Quantized, Minimum, PathCheckExact, PathCheckFast];
}
