using System.Collections.Immutable;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// A fully resolved accelerator: one node of analog and/or digital tiles on a NoC. Every figure is in SI units.
/// </summary>
/// <param name="Name">Name from the file (<c>name:</c>) or the file stem.</param>
/// <param name="SourceFile">The file it was loaded from.</param>
/// <param name="ClockHz">Core clock; one cycle = 1/ClockHz seconds.</param>
/// <param name="AnalogTile">Analog tile template, or null when the architecture has none.</param>
/// <param name="DigitalTile">Digital tile template, or null when the architecture has none.</param>
/// <param name="DefaultPartition">The partition used when the command line gives none.</param>
/// <param name="NodeComponents">Per-node components (e.g. an off-chip link), Count per node.</param>
/// <param name="Variables">The resolved <c>variables:</c> section, for reports.</param>
public sealed record ArchitectureSpec(
    string Name,
    string SourceFile,
    double ClockHz,
    TileSpec? AnalogTile,
    TileSpec? DigitalTile,
    NocSpec Noc,
    ConvMappingPolicy ConvMapping,
    PartitionSpec? DefaultPartition,
    ImmutableArray<ComponentSpec> NodeComponents,
    ImmutableSortedDictionary<string, string> Variables)
{
    /// <summary>Legitimate but noteworthy choices (e.g. an ADC narrower than the column range): printed, never fatal.</summary>
    public ImmutableArray<SpecError> Warnings { get; init; } = [];

    public double CycleSeconds => 1.0 / ClockHz;

    /// <summary>
    /// Picoseconds per cycle, the kernel's time unit: 1 to 10^9 for the clocks the loader accepts
    /// (<see cref="Schema.FigureRanges.MinClockHz"/> to <see cref="Schema.FigureRanges.MaxClockHz"/>); a clock outside that
    /// range (possible only for a spec built in code) is refused rather than giving a 0-ps or saturated cycle.
    /// </summary>
    public long CyclePicoseconds => ClockHz is >= Schema.FigureRanges.MinClockHz and <= Schema.FigureRanges.MaxClockHz
        ? (long)Math.Round(1e12 / ClockHz)
        : throw new InvalidOperationException($"architecture '{Name}': clock {ClockHz} Hz is outside 1 kHz to 1 THz; one cycle must be 1 ps to 1 ms");

    public TileSpec Tile(TileKind kind) =>
        (kind == TileKind.Analog ? AnalogTile : DigitalTile)
        ?? throw new InvalidOperationException($"architecture '{Name}' has no {kind.ToString().ToLowerInvariant()} tiles");
}
