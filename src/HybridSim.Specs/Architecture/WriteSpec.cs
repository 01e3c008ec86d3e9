namespace HybridSim.Specs.Architecture;

/// <summary>
/// How weights are programmed into an MVMU (<c>hybridsim run --program</c>, docs/model.md "Programming the weights"):
/// the write action of one cell, the time to program one row of one array, and how many write cycles a cell survives.
/// A cell is one RRAM cell of <c>bits_per_cell</c> bits (analog MVMU) or one SRAM bit cell (digital MVMU).
/// </summary>
/// <param name="CellEnergyJoules">Energy to program one cell to its value, verify included.</param>
/// <param name="RowLatencySeconds">Time to program one row of one array, all its columns at once (verify included).</param>
/// <param name="EnduranceCycles">Write cycles a cell survives.</param>
/// <param name="ParallelMvmus">MVMUs of one core programmed at the same time; rows of one array go one after another.</param>
/// <param name="Source">Where the figures come from.</param>
public sealed record WriteSpec(
    double CellEnergyJoules,
    double RowLatencySeconds,
    double EnduranceCycles,
    int ParallelMvmus,
    string Source);
