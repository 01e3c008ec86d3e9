namespace HybridSim.Metrics.Reports;

/// <summary>Programming the weights of one technology (RRAM or SRAM): what was written and what it cost.</summary>
/// <param name="CellsWritten">RRAM cells (bits_per_cell bits each) or SRAM bit cells written.</param>
/// <param name="RowsWritten">Rows of one array written (each slice of an RRAM MVMU counts its own rows).</param>
/// <param name="EnduranceUsed">Write cycles of the most written cell / the cell's endurance.</param>
public sealed record ProgrammingPart(long CellsWritten, long RowsWritten, double EnergyPj, double LatencyNs, double EnduranceUsed)
{
    public static ProgrammingPart None { get; } = new(0, 0, 0, 0, 0);
}
