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

    /// <summary>Picoseconds per cycle, the kernel's time unit.</summary>
    public long CyclePicoseconds => (long)Math.Round(1e12 / ClockHz);

    public TileSpec Tile(TileKind kind) =>
        (kind == TileKind.Analog ? AnalogTile : DigitalTile)
        ?? throw new InvalidOperationException($"architecture '{Name}' has no {kind.ToString().ToLowerInvariant()} tiles");
}
