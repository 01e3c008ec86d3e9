using System.Collections.Immutable;

namespace HybridSim.Specs.Architecture.Schema;

/// <summary>
/// The architecture file format, one table per section (Sections/*.cs): every key is declared once there, with its
/// type, unit, default or required, range, documentation and the getter from its spec record. The loader reads
/// through those entries, <see cref="ResolvedArchitectureWriter"/> writes from them, and <c>hybridsim describe</c>
/// prints the <see cref="SchemaSection"/>s below.
/// No technology or architecture figure has a default here: the arch files state them, with a <c>source:</c>
/// (arch/base/*.yaml); the "(PUMA: ...)" notes say what PUMA uses.
/// </summary>
public static class ArchitectureSchema
{
    public static SchemaSection Top => TopFields.Section.Schema;

    public static SchemaSection Partition => PartitionFields.Section.Schema;

    public static SchemaSection Tiles => TilesFields.Section.Schema;

    public static SchemaSection Tile => TileFields.Section.Schema;

    public static SchemaSection Core => CoreFields.Section.Schema;

    /// <summary>The architecture file format version this build reads (<c>version:</c>); a later one is refused.</summary>
    public const int CurrentVersion = 1;

    public static SchemaSection InstructionLatency => InstructionLatencyFields.Section.Schema;

    public static SchemaSection AnalogMvmu => AnalogMvmuFields.Section.Schema;

    public static SchemaSection Device => DeviceFields.Section.Schema;

    public static SchemaSection Write => WriteFields.Section.Schema;

    public static SchemaSection DigitalMvmu => DigitalMvmuFields.Section.Schema;

    public static SchemaSection Noc => NocFields.Section.Schema;

    public static SchemaSection Node => NodeFields.Section.Schema;

    public static SchemaSection Component => ComponentFields.Section.Schema;

    public static ImmutableArray<SchemaSection> All { get; } =
        [Top, Partition, Tiles, Tile, Core, InstructionLatency, AnalogMvmu, Device, Write, DigitalMvmu, Noc, Node, Component];

    public static SchemaSection? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
