namespace HybridSim.Functional.Recovery;

/// <summary>
/// What one task switch costs against rewriting W, from the weight-programming model (docs/model.md, "Programming the
/// weights"; computed by the cost half, <c>run --program</c>'s model, and handed in here as numbers).
/// </summary>
/// <param name="BranchCells">SRAM bit cells written to load one task's A and B.</param>
/// <param name="RramCells">RRAM cells written to rewrite every analog W.</param>
public sealed record SwitchCost(
    long BranchCells,
    double BranchEnergyPj,
    double BranchLatencyNs,
    double BranchEnduranceUsed,
    long RramCells,
    double RramEnergyPj,
    double RramLatencyNs,
    double RramEnduranceUsed);
