using System.Globalization;
using System.Text;
using System.Text.Json;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Output;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Output;

/// <summary>
/// Writes the output folder of <c>hybridsim compile --out DIR</c> (docs/model.md, "Compiler: mapping, placement and programs"): <c>DIR/summary.json</c> and one
/// listing per core and per tile, <c>DIR/tile&lt;N&gt;/core&lt;M&gt;.asm</c> and <c>DIR/tile&lt;N&gt;/tile.asm</c>.
/// Every file is written atomically (temporary file, then rename). <c>summary.json</c> is removed first and written last,
/// so a folder that has one holds the complete listings of that program; listings a previous, larger program left
/// behind (tiles or cores this program does not have) are removed.
/// </summary>
public static class CompileOutputWriter
{
    public const string SummaryFile = "summary.json";
    public const string TileListingFile = "tile.asm";

    private const string TilePrefix = "tile";
    private const string CorePrefix = "core";
    private const string ListingExtension = ".asm";
    private const int FlushChars = 1 << 15;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, NewLine = "\n" };

    public static string TileFolder(int tile) => TilePrefix + tile.ToString(Inv);

    public static string CoreListingFile(int core) => CorePrefix + core.ToString(Inv) + ListingExtension;

    /// <summary>Writes the folder and returns the summary it holds.</summary>
    public static CompileSummary Write(CompiledProgram program, string directory)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(directory);
        var summary = CompileSummary.From(program);
        Directory.CreateDirectory(directory);
        var summaryPath = Path.Combine(directory, SummaryFile);
        File.Delete(summaryPath);
        RemoveStaleListings(program, directory);

        // Tiles write separate files; formatting dominates for large programs, so tiles go in parallel.
        Parallel.ForEach(program.Tiles, tile => WriteTile(program.Workload, tile, directory));

        SafeFile.Write(summaryPath, stream => WriteSummary(stream, summary), flushToDisk: true);
        return summary;
    }

    /// <summary><c>summary.json</c> as text (ends with a newline).</summary>
    public static string SummaryJson(CompileSummary summary)
    {
        using var stream = new MemoryStream();
        WriteSummary(stream, summary);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes a tile's send/receive listing: header, the initially valid ranges, one line per instruction.</summary>
    public static void WriteListing(TextWriter writer, TileProgram tile, WorkloadSpec workload)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tile);
        ArgumentNullException.ThrowIfNull(workload);
        var sb = new StringBuilder(FlushChars + 256);
        sb.Append(ListingFormatter.Header(tile)).Append('\n');
        foreach (var r in tile.InitiallyValid)
        {
            sb.Append(Inv, $"; initially valid: addr={r.Address} len={r.Length} consumers={r.Consumers}\n");
        }

        for (var pc = 0; pc < tile.Instructions.Length; pc++)
        {
            ListingFormatter.Append(sb, pc, tile.Instructions[pc], workload);
            sb.Append('\n');
            FlushIfFull(writer, sb);
        }

        writer.Write(sb);
    }

    /// <summary>Writes a core's listing: header, then one line per instruction.</summary>
    public static void WriteListing(TextWriter writer, TileKind kind, CoreProgram core, WorkloadSpec workload)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(workload);
        var sb = new StringBuilder(FlushChars + 256);
        sb.Append(ListingFormatter.Header(kind, core)).Append('\n');
        for (var pc = 0; pc < core.Instructions.Length; pc++)
        {
            ListingFormatter.Append(sb, pc, core.Instructions[pc], workload);
            sb.Append('\n');
            FlushIfFull(writer, sb);
        }

        writer.Write(sb);
    }

    private static void FlushIfFull(TextWriter writer, StringBuilder sb)
    {
        if (sb.Length >= FlushChars)
        {
            writer.Write(sb);
            sb.Clear();
        }
    }

    private static void WriteTile(WorkloadSpec workload, TileProgram tile, string directory)
    {
        var folder = Path.Combine(directory, TileFolder(tile.Tile));
        Directory.CreateDirectory(folder);
        SafeFile.WriteText(Path.Combine(folder, TileListingFile), w => WriteListing(w, tile, workload));
        foreach (var core in tile.Cores)
        {
            SafeFile.WriteText(Path.Combine(folder, CoreListingFile(core.Core)), w => WriteListing(w, tile.Kind, core, workload));
        }
    }

    /// <summary>
    /// Deletes listings this program does not write: <c>tile&lt;N&gt;</c> folders beyond its tiles and <c>core&lt;M&gt;.asm</c>
    /// beyond a tile's cores (only names this writer produces; a folder is removed only when that leaves it empty).
    /// </summary>
    private static void RemoveStaleListings(CompiledProgram program, string directory)
    {
        var cores = program.Tiles.ToDictionary(t => t.Tile, t => t.Cores.Select(c => c.Core).ToHashSet());
        foreach (var folder in Directory.EnumerateDirectories(directory, TilePrefix + "*"))
        {
            if (Number(Path.GetFileName(folder), TilePrefix, "") is not { } tile)
            {
                continue;
            }

            var kept = cores.GetValueOrDefault(tile);
            foreach (var file in Directory.EnumerateFiles(folder, "*" + ListingExtension))
            {
                var name = Path.GetFileName(file);
                var stale = kept is null
                    ? name == TileListingFile || Number(name, CorePrefix, ListingExtension) is not null
                    : Number(name, CorePrefix, ListingExtension) is { } core && !kept.Contains(core);
                if (stale)
                {
                    File.Delete(file);
                }
            }

            if (kept is null && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
    }

    /// <summary>N when <paramref name="name"/> is exactly prefix + N + suffix (N without leading zeros or sign), else null.</summary>
    private static int? Number(string name, string prefix, string suffix)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(suffix, StringComparison.Ordinal) || name.Length <= prefix.Length + suffix.Length)
        {
            return null;
        }

        var digits = name[prefix.Length..^suffix.Length];
        return int.TryParse(digits, NumberStyles.None, Inv, out var n) && n.ToString(Inv) == digits ? n : null;
    }

    private static void WriteSummary(Stream stream, CompileSummary s)
    {
        using (var w = new Utf8JsonWriter(stream, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("architecture", s.Architecture);
            w.WriteString("workload", s.Workload);
            w.WriteStartObject("partition");
            w.WriteString("kind", s.Partition.Kind == PartitionKind.Freeze ? "freeze" : "rank");
            w.WriteNumber(s.Partition.Kind == PartitionKind.Freeze ? "x" : "r", s.Partition.Value);
            w.WriteEndObject();
            w.WriteNumber("analog_mvmus", s.AnalogMvmus);
            w.WriteNumber("digital_mvmus", s.DigitalMvmus);
            if (s.SramMacros is { } macros)
            {
                w.WriteNumber("sram_macros", macros);
            }

            w.WriteNumber("analog_tiles", s.AnalogTiles);
            w.WriteNumber("digital_tiles", s.DigitalTiles);
            w.WriteNumber("cores", s.Cores);
            w.WriteNumber("instructions", s.Instructions);
            w.WriteNumber("mvm_instructions", s.MvmInstructions);
            w.WriteNumber("mesh_width", s.MeshWidth);
            w.WriteNumber("input_tile", s.InputTile);
            w.WriteNumber("output_tile", s.OutputTile);
            w.WriteStartArray("weight_layers");
            foreach (var m in s.WeightLayers)
            {
                w.WriteStartObject();
                w.WriteString("name", m.Name);
                w.WriteString("placement", ListingFormatter.Kind(m.Placement));
                w.WriteNumber("rows", m.Rows);
                w.WriteNumber("cols", m.Cols);
                w.WriteNumber("mvmus", m.Mvmus);
                w.WriteNumber("mvms", m.Mvms);
                if (m.SramMacros is { } placed)
                {
                    w.WriteNumber("sram_macros", placed);
                }

                if (!double.IsFinite(m.Utilization))
                {
                    // JSON has no NaN or infinity; a non-finite utilization is a compiler bug (as in ReportJson).
                    throw new ArgumentException(string.Create(Inv, $"weight layer '{m.Name}' has utilization {m.Utilization}; JSON needs a finite number"), nameof(s));
                }

                w.WriteNumber("utilization", m.Utilization);
                w.WriteStartArray("tiles");
                foreach (var t in m.Tiles)
                {
                    w.WriteNumberValue(t);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("capacity");
            foreach (var c in s.Capacity)
            {
                w.WriteStartObject(ListingFormatter.Kind(c.Kind));
                w.WriteNumber("tiles", c.Tiles);
                w.WriteNumber("max_core_instructions", c.MaxCoreInstructions);
                w.WriteNumber("core_instruction_memory_entries", c.CoreInstructionMemoryEntries);
                w.WriteNumber("max_tile_instructions", c.MaxTileInstructions);
                w.WriteNumber("tile_instruction_memory_entries", c.TileInstructionMemoryEntries);
                w.WriteNumber("max_shared_memory_words", c.MaxSharedMemoryWords);
                w.WriteNumber("shared_memory_words", c.SharedMemoryWords);
                w.WriteBoolean("fits", c.Fits);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }
}
