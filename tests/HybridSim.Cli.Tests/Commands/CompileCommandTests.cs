using HybridSim.Cli.Commands;
using HybridSim.Compiler.Mapping;
using HybridSim.Compiler.Output;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using static HybridSim.Cli.Tests.CliHarness;

namespace HybridSim.Cli.Tests.Commands;

public sealed class CompileCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hybridsim-cli-compile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "out");

    [Fact]
    public void Freeze_and_rank_together_are_a_usage_error()
    {
        var (code, _, error) = Invoke("compile", "--arch", Arch("puma.yaml"), "--workload", "mlp-mnist", "--freeze", "3", "--rank", "2", "--out", Out);

        Assert.Equal(2, code);
        Assert.Contains("either --freeze or --rank", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Missing_out_is_a_usage_error()
    {
        Assert.Equal(2, Invoke("compile", "--arch", Arch("puma.yaml"), "--workload", "mlp-mnist", "--freeze", "3").Code);
    }

    [Fact]
    public void Negative_freeze_and_a_set_without_equals_sign_are_usage_errors()
    {
        Assert.Equal(2, Invoke("compile", "--arch", Arch("puma.yaml"), "--workload", "mlp-mnist", "--freeze", "-1", "--out", Out).Code);
        Assert.Equal(2, Invoke("compile", "--arch", Arch("puma.yaml"), "--workload", "mlp-mnist", "--set", "clock", "--out", Out).Code);
    }

    [Fact]
    public void Missing_architecture_file_is_invalid_input()
    {
        var (code, output, error) = Invoke("compile", "--arch", Path.Combine(_dir, "nope.yaml"), "--workload", "mlp-mnist", "--out", Out);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("nope.yaml", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Bad_architecture_file_prints_file_line_and_field_without_a_stack_trace()
    {
        var bad = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(bad, $"extends: {Arch("puma.yaml").Replace('\\', '/')}\nclock: fast\n");

        var (code, _, error) = Invoke("compile", "--arch", bad, "--workload", "mlp-mnist", "--freeze", "3", "--out", Out);

        Assert.Equal(1, code);
        Assert.Contains("bad.yaml:2:", error, StringComparison.Ordinal);
        Assert.Contains("clock", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Invalid_override_is_invalid_input()
    {
        var (code, _, error) = Invoke("compile", "--arch", Arch("puma.yaml"), "--workload", "mlp-mnist", "--set", "bits_per_cell=3", "--out", Out);

        Assert.Equal(1, code);
        Assert.Contains(": tiles.analog.core.mvmu.weight_bits: weight_bits 16 is not a multiple of bits_per_cell 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_workload_name_is_invalid_input_listing_the_known_names()
    {
        var (code, _, error) = Invoke("compile", "--arch", Arch("puma.yaml"), "--workload", "mlp-mnst", "--out", Out);

        Assert.Equal(1, code);
        Assert.Contains("unknown workload 'mlp-mnst'", error, StringComparison.Ordinal);
        Assert.Contains("mlp-mnist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_shows_tiles_mvmus_instructions_capacity_and_the_output_folder()
    {
        var summary = new CompileSummary(
            "puma", "mlp-mnist", PartitionSpec.Freeze(3), 28, 0, 3, 0, 24, 1_234_567, 89, 2, 0, 2,
            [new LayerMapping(1, "fc1", TileKind.Analog, 784, 512, 28, 28, 0.875, [0, 1])],
            [new TileKindCapacity(TileKind.Analog, 3, 600, 512, 40, 2048, 1000, 32768)]);

        var text = CompileCommand.Summary(summary, 27, "out");

        Assert.Contains("puma × mlp-mnist (freeze-3): compiled", text, StringComparison.Ordinal);
        Assert.Contains("3 analog, 0 digital (24 cores", text, StringComparison.Ordinal);
        Assert.Contains("28 analog, 0 digital", text, StringComparison.Ordinal);
        Assert.Contains("1,234,567 (89 mvm)", text, StringComparison.Ordinal);
        Assert.Contains("max 600 (over) of 512 core instructions, 40 of 2,048 tile instructions", text, StringComparison.Ordinal);
        Assert.Contains("wrote " + Path.Combine("out", "summary.json") + " and 27 listings in out", text, StringComparison.Ordinal);
    }
}
