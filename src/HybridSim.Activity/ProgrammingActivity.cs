using HybridSim.Specs.Architecture;

namespace HybridSim.Activity;

/// <summary>
/// What programming the weights did, with no energy in it: cells and rows written per tile kind (ledger keys
/// <c>cell:write</c> and <c>row:write</c> at MVMU scope, by layer), how long each kind took, and how often the most
/// written cell was written.
/// </summary>
/// <param name="AnalogPicoseconds">Time to program every selected RRAM block (the slowest core).</param>
/// <param name="DigitalPicoseconds">Time to program every selected SRAM block (the slowest core).</param>
/// <param name="WritesPerCell">Write cycles the most written cell took (one per programming).</param>
public sealed record ProgrammingActivity(ActivityLedger Ledger, long AnalogPicoseconds, long DigitalPicoseconds, long WritesPerCell)
{
    /// <summary>The component counted once per cell written.</summary>
    public const string Cell = ComponentCatalogue.Cell;

    /// <summary>The component counted once per row of one array written.</summary>
    public const string Row = ComponentCatalogue.Row;

    /// <summary>The action both are counted under.</summary>
    public const string Write = ComponentActions.Write;
}
