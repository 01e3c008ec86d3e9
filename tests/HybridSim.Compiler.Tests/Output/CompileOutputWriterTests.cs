using System.Text.Json;
using HybridSim.Compiler.Output;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;

namespace HybridSim.Compiler.Tests.Output;

public sealed class CompileOutputWriterTests
{
    private static string[] Listings(string directory) =>
        [.. Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void Writes_summary_and_one_listing_per_core_and_per_tile()
    {
        using var temp = new TempDirectory();

        CompileOutputWriter.Write(SmallProgram.Build(), temp.Path);

        Assert.Equal(
            ["summary.json", "tile0/core0.asm", "tile0/core1.asm", "tile0/tile.asm", "tile1/core0.asm", "tile1/tile.asm"],
            Listings(temp.Path));
    }

    [Fact]
    public void Summary_counts_mvmus_tiles_and_instructions_as_computed_by_hand()
    {
        var s = CompileSummary.From(SmallProgram.Build());

        Assert.Equal(2, s.AnalogMvmus);
        Assert.Equal(2, s.DigitalMvmus);
        Assert.Equal(1, s.AnalogTiles);
        Assert.Equal(1, s.DigitalTiles);
        Assert.Equal(3, s.Cores);
        Assert.Equal(2 + 7 + 2 + 2 + 5, s.Instructions);
        Assert.Equal(2, s.MvmInstructions);
    }

    [Fact]
    public void Capacity_reports_the_largest_use_of_each_memory_per_tile_kind()
    {
        var s = CompileSummary.From(SmallProgram.Build());

        // Analog tile 0: send and store reach 1024 + 8 × 16 = 1152 words; digital tile 1: the output store reaches 4096 + 128.
        Assert.Equal<TileKindCapacity>(
            [
                new TileKindCapacity(TileKind.Analog, 1, 7, SmallProgram.CoreInstructionMemory, 2, SmallProgram.TileInstructionMemory, 1152, SmallProgram.SharedMemoryWords),
                new TileKindCapacity(TileKind.Digital, 1, 5, SmallProgram.CoreInstructionMemory, 2, SmallProgram.TileInstructionMemory, 4224, SmallProgram.SharedMemoryWords),
            ],
            s.Capacity);
        Assert.All(s.Capacity, c => Assert.True(c.Fits));
    }

    [Fact]
    public void Shared_memory_use_counts_the_initially_valid_input()
    {
        var tile = SmallProgram.Tile(0, TileKind.Analog, [new TileHaltInstruction()], [[new HaltInstruction()]], [new MemoryRange(100, 40_000, 1)]);

        Assert.Equal(40_100, tile.SharedMemoryWordsUsed());
        Assert.False(new TileKindCapacity(TileKind.Analog, 1, 1, 512, 1, 2048, 40_100, 32_768).Fits);
    }

    [Fact]
    public void Summary_json_has_the_documented_fields()
    {
        using var temp = new TempDirectory();
        CompileOutputWriter.Write(SmallProgram.Build(), temp.Path);

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "summary.json")));
        var root = doc.RootElement;
        Assert.Equal("small", root.GetProperty("architecture").GetString());
        Assert.Equal("tiny-mlp", root.GetProperty("workload").GetString());
        Assert.Equal("freeze", root.GetProperty("partition").GetProperty("kind").GetString());
        Assert.Equal(1, root.GetProperty("partition").GetProperty("x").GetInt32());
        Assert.Equal(2, root.GetProperty("analog_mvmus").GetInt32());
        Assert.Equal(2, root.GetProperty("digital_mvmus").GetInt32());
        Assert.Equal(1, root.GetProperty("analog_tiles").GetInt32());
        Assert.Equal(1, root.GetProperty("digital_tiles").GetInt32());
        Assert.Equal(18, root.GetProperty("instructions").GetInt64());
        Assert.Equal(2, root.GetProperty("mvm_instructions").GetInt64());
        var layers = root.GetProperty("weight_layers").EnumerateArray().ToList();
        Assert.Equal(["fc1", "fc2"], layers.Select(l => l.GetProperty("name").GetString()));
        Assert.Equal(["analog", "digital"], layers.Select(l => l.GetProperty("placement").GetString()));
        Assert.Equal(128, layers[0].GetProperty("rows").GetInt32());
        Assert.Equal(192, layers[0].GetProperty("cols").GetInt32());
        Assert.Equal(2, layers[0].GetProperty("mvmus").GetInt32());
        Assert.Equal(2, layers[0].GetProperty("mvms").GetInt64());
        Assert.Equal(0.75, layers[0].GetProperty("utilization").GetDouble());
        var analog = root.GetProperty("capacity").GetProperty("analog");
        Assert.Equal(7, analog.GetProperty("max_core_instructions").GetInt32());
        Assert.Equal(512, analog.GetProperty("core_instruction_memory_entries").GetInt32());
        Assert.Equal(2, analog.GetProperty("max_tile_instructions").GetInt32());
        Assert.Equal(2048, analog.GetProperty("tile_instruction_memory_entries").GetInt32());
        Assert.Equal(1152, analog.GetProperty("max_shared_memory_words").GetInt32());
        Assert.Equal(32768, analog.GetProperty("shared_memory_words").GetInt32());
        Assert.True(root.GetProperty("capacity").TryGetProperty("digital", out _));
    }

    [Fact]
    public void Rank_partition_is_written_with_r()
    {
        var program = SmallProgram.Build() with { Partition = PartitionSpec.Rank(4) };

        using var doc = JsonDocument.Parse(CompileOutputWriter.SummaryJson(CompileSummary.From(program)));

        Assert.Equal("rank", doc.RootElement.GetProperty("partition").GetProperty("kind").GetString());
        Assert.Equal(4, doc.RootElement.GetProperty("partition").GetProperty("r").GetInt32());
    }

    [Fact]
    public void Output_of_the_small_program_matches_the_golden_files()
    {
        using var temp = new TempDirectory();
        CompileOutputWriter.Write(SmallProgram.Build(), temp.Path);

        foreach (var file in Listings(temp.Path))
        {
            GoldenFile.AssertMatches("small-" + file.Replace('/', '-'), File.ReadAllText(Path.Combine(temp.Path, file)));
        }
    }

    [Fact]
    public void Rewriting_a_folder_removes_listings_of_tiles_and_cores_the_new_program_lacks()
    {
        using var temp = new TempDirectory();
        CompileOutputWriter.Write(SmallProgram.Build(), temp.Path);
        var notes = temp.File("tile1/notes.txt", "mine");
        var p = SmallProgram.Build();
        var smaller = p with { Tiles = [p.Tiles[0] with { Cores = [p.Tiles[0].Cores[0]] }] };

        CompileOutputWriter.Write(smaller, temp.Path);

        Assert.Equal(["summary.json", "tile0/core0.asm", "tile0/tile.asm", "tile1/notes.txt"], Listings(temp.Path));
        Assert.Equal("mine", File.ReadAllText(notes));
    }

    [Fact]
    public void Writing_leaves_no_temporary_files_and_overwrites_earlier_output()
    {
        using var temp = new TempDirectory();
        var stale = temp.File("tile0/core0.asm", "old");

        CompileOutputWriter.Write(SmallProgram.Build(), temp.Path);
        CompileOutputWriter.Write(SmallProgram.Build(), temp.Path);

        Assert.DoesNotContain(Listings(temp.Path), f => f.Contains(".tmp-", StringComparison.Ordinal));
        Assert.StartsWith("; tile 0 (analog) core 0: 7 instructions\n", File.ReadAllText(stale), StringComparison.Ordinal);
    }

    [Fact]
    public void Listing_lines_end_in_newlines_without_trailing_spaces()
    {
        var writer = new StringWriter();
        var program = SmallProgram.Build();

        CompileOutputWriter.WriteListing(writer, program.Tiles[0].Kind, program.Tiles[0].Cores[0], program.Workload);

        var text = writer.ToString();
        Assert.EndsWith("      6  halt\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" \n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.Equal(1 + 7, text.Count(c => c == '\n'));
    }
}
