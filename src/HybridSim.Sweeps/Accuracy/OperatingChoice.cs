using HybridSim.Metrics.Reports;

namespace HybridSim.Sweeps.Accuracy;

/// <summary>One series' operating point under an accuracy budget.</summary>
/// <param name="Group">The series (architecture file and fixed overrides).</param>
/// <param name="Point">The chosen point, or null when no point of the series is within the budget.</param>
/// <param name="Report">Its cost and accuracy.</param>
/// <param name="Reference">The accuracy the drop is measured from: the all-SRAM freeze-0 point (freeze), the variation-free accuracy (rank).</param>
/// <param name="Rule">How it was chosen, in words.</param>
public sealed record OperatingChoice(string Group, string Architecture, SweepPoint? Point, RunReport? Report, double? Reference, string Rule);
