using System.Diagnostics;
using System.Text;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Tests.Yaml;

/// <summary>
/// Expanding <c>${...}</c> is bounded in depth, in the length of one value and in the whole document, so a small file
/// of chained variables is refused fast, naming the variable, instead of growing to gigabytes (issue 15, section 2).
/// </summary>
public sealed class VariableExpansionLimitTests
{
    private const long AllocationBound = 512L * 1024 * 1024;

    /// <summary>The case: 30 variables, each using the one before four times (4^29 characters), used in the file.</summary>
    private static string ChainedFourfold(int count)
    {
        var text = new StringBuilder("variables:\n  v00: x\n");
        for (var i = 1; i < count; i++)
        {
            var previous = $"${{v{i - 1:00}}}";
            text.Append($"  v{i:00}: \"{previous}{previous}{previous}{previous}\"\n");
        }

        text.Append($"name: \"${{v{count - 1:00}}}\"\nclock: 1GHz\n");
        return text.ToString();
    }

    [Fact]
    public void Thirty_chained_variables_used_four_times_each_are_refused_naming_the_variable()
    {
        using var dir = new TempDirectory();
        var file = dir.File("bomb.yaml", ChainedFourfold(30));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<SpecException>(() => ArchitectureLoader.Load(file));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < AllocationBound);
        var error = Assert.Single(e.Errors);
        Assert.Equal((file, 11, "variables.v09"), (error.File, error.Line, error.Path));
        Assert.Contains("expanding variable 'v08' here gives a value of more than 65536 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_exactly_the_limit_expands()
    {
        var spec = SpecComposer.Compose(YamlDocumentReader.ParseMapping(ChainedFourfold(9), "ok.yaml"), []);

        Assert.Equal(YamlLimits.MaxExpandedValueChars, ((SpecScalar)spec.Root["name"]!).Value.Length);
    }

    [Fact]
    public void Variables_chained_deeper_than_the_limit_are_refused_naming_the_variable()
    {
        var text = new StringBuilder("variables:\n");
        for (var i = 1; i < 40; i++)
        {
            text.Append($"  n{i:00}: \"${{n{i + 1:00}}}\"\n");
        }

        text.Append("  n40: 1\nx: ${n01}\n");

        var e = Assert.Throws<SpecException>(() => SpecComposer.Compose(YamlDocumentReader.ParseMapping(text.ToString(), "deep.yaml"), []));

        Assert.True(e.Errors.Length == 1, e.Message);
        var error = e.Errors[0];
        Assert.Equal("variables.n17", error.Path);
        Assert.Contains("more than 16 variables using variables (n01 -> n02 -> ... -> n15 -> n16 -> n17)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_variable_used_in_many_places_is_refused_once_the_document_passes_the_limit()
    {
        var text = new StringBuilder($"variables:\n  big: {new string('x', 60_000)}\nlist:\n");
        for (var i = 0; i < 200; i++)
        {
            text.Append("  - ${big}\n");
        }

        var e = Assert.Throws<SpecException>(() => SpecComposer.Compose(YamlDocumentReader.ParseMapping(text.ToString(), "wide.yaml"), []));

        var error = Assert.Single(e.Errors);
        Assert.StartsWith("list[", error.Path, StringComparison.Ordinal);
        Assert.Contains("expanding variable 'big' here takes the document's variables past 8388608 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_override_is_refused_like_a_long_file_value()
    {
        var root = YamlDocumentReader.ParseMapping("variables:\n  a: 1\nx: ${a}${a}\n", "o.yaml");

        var e = Assert.Throws<SpecException>(() => SpecComposer.Compose(root, ["a=" + new string('y', 40_000)]));

        Assert.Equal("x", Assert.Single(e.Errors).Path);
    }
}
