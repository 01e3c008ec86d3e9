namespace HybridSim.Robustness.Tests.Yaml;

/// <summary>Messages name the real problem and the real place (issue 15, section 5).</summary>
public sealed class MessageTests
{
    [Theory]
    [InlineData("tiles.analog.core.mvmu.rows=99999999999", "tiles.analog.core.mvmu.rows", "from 1 to 65536, found 99999999999")]
    [InlineData("tiles.analog.cores=99999999999", "tiles.analog.cores", "from 1 to 1024, found 99999999999")]
    [InlineData("tiles.analog.core.register_file_words=99999999999999999999999", "tiles.analog.core.register_file_words", "out of range")]
    public void A_huge_integer_is_an_error_naming_the_field_and_its_largest_value(string set, string field, string expected)
    {
        var result = Cli.Invoke("validate", "--arch", Cli.Arch("puma.yaml"), "--set", set);
        Cli.AssertInputError(result, "--set:1:", field, expected);
        Assert.DoesNotContain("no fraction", result.Err);
    }

    [Fact]
    public void A_bad_variable_given_with_set_is_blamed_on_the_set()
    {
        var result = Cli.Invoke("validate", "--arch", Cli.Arch("puma.yaml"), "--set", "xbar=abc");
        Cli.AssertInputError(result, "--set:1:6: tiles.analog.core.mvmu.rows", "found 'abc'");
        Assert.DoesNotContain("puma-analog.yaml", result.Err);
    }

    [Fact]
    public void Extending_a_folder_says_it_is_a_folder()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Sub("base"));
        var arch = dir.File("a.yaml", "extends: base\n");
        var result = Cli.Invoke("validate", "--arch", arch);
        Cli.AssertInputError(result, "a.yaml:1:10", "extends", "is a folder");
        Assert.DoesNotContain("not found", result.Err);
    }

    [Theory]
    [InlineData("extends: \"base\\0.yaml\"\n", "extends")]
    [InlineData("include: [\"a\\x01b.yaml\"]\n", "include[0]")]
    [InlineData("extends: \"\"\n", "extends")]
    public void A_base_name_with_a_control_character_or_empty_is_an_input_error(string body, string field)
    {
        // Found by the fuzz test: a NUL in a base's name reached Path.GetFullPath and exited 70.
        using var dir = new TempDirectory();
        var arch = dir.File("a.yaml", body);
        var result = Cli.Invoke("validate", "--arch", arch);
        Cli.AssertInputError(result, "a.yaml:1:", field, "control character");
    }

    [Fact]
    public void Thousands_of_includes_over_the_file_limit_give_a_few_lines()
    {
        using var dir = new TempDirectory();
        dir.File("inc.yaml", "name: x\n");
        var arch = dir.File("many.yaml", "include: [" + string.Join(", ", Enumerable.Repeat("inc.yaml", 5000)) + "]\n");
        var result = Cli.Invoke("validate", "--arch", arch);
        Cli.AssertInputError(result, "many.yaml:1:", "more than 32 files in the extends/include chain", "more errors like the one above");
        Assert.True(result.Err.Split('\n').Length < 20, result.Err);
    }
}
