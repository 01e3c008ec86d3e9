using System.Text;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Tests.Yaml;

public sealed class YamlDocumentReaderTests
{
    private static SpecError SingleError(Action action)
    {
        var e = Assert.Throws<SpecException>(action);
        return Assert.Single(e.Errors);
    }

    [Fact]
    public void Nodes_keep_one_based_line_and_column()
    {
        var root = YamlDocumentReader.ParseMapping("a: 1\nb:\n  c: [x, y]\n", "f.yaml");
        var b = Assert.IsType<SpecMapping>(root["b"]);
        var c = Assert.IsType<SpecSequence>(b["c"]);
        Assert.Equal((1, 4), (root["a"]!.Line, root["a"]!.Column));
        Assert.Equal((3, 6), (c.Line, c.Column));
        Assert.Equal((3, 10), (c.Items[1].Line, c.Items[1].Column));
        Assert.Equal("f.yaml", c.Items[1].File);
    }

    [Fact]
    public void Syntax_error_names_file_line_and_column()
    {
        var error = SingleError(() => YamlDocumentReader.Parse("a: 1\nb: [1, 2\nc: 3\n", "bad.yaml"));
        Assert.Equal("bad.yaml", error.File);
        Assert.True(error.Line >= 2, error.ToString());
        Assert.Contains("YAML syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tab_indentation_is_reported_at_the_tab()
    {
        var error = SingleError(() => YamlDocumentReader.Parse("a:\n\tb: 1\n", "tab.yaml"));
        Assert.Equal(("tab.yaml", 2, 1), (error.File, error.Line, error.Column));
        Assert.Contains("tab", error.Message, StringComparison.Ordinal);
        Assert.Contains("spaces", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_key_names_both_lines_and_the_field()
    {
        var error = SingleError(() => YamlDocumentReader.Parse("core:\n  rows: 1\n  rows: 2\n", "dup.yaml"));
        Assert.Equal(("dup.yaml", 3, 3, "core.rows"), (error.File, error.Line, error.Column, error.Path));
        Assert.Contains("duplicate key 'rows' (first defined at line 2)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n# only a comment\n")]
    [InlineData("---\n")]
    public void Empty_file_is_an_error(string text)
    {
        var error = SingleError(() => YamlDocumentReader.Parse(text, "empty.yaml"));
        Assert.Equal(("empty.yaml", 1), (error.File, error.Line));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_file_is_rejected_with_the_position_of_the_first_nul()
    {
        using var dir = new TempDirectory();
        var path = dir.File("blob.yaml", [(byte)'a', (byte)':', (byte)'\n', 0x00, 0xFF, 0x10]);
        var error = SingleError(() => YamlDocumentReader.Read(path));
        Assert.Equal((path, 2, 1), (error.File, error.Line, error.Column));
        Assert.Contains("binary file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_rejected_as_binary()
    {
        using var dir = new TempDirectory();
        var path = dir.File("latin.yaml", [(byte)'a', (byte)':', (byte)' ', 0xC3, 0x28]);
        var error = SingleError(() => YamlDocumentReader.Read(path));
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_an_error_naming_it()
    {
        var error = SingleError(() => YamlDocumentReader.Read("/nonexistent/x.yaml"));
        Assert.Equal("/nonexistent/x.yaml", error.File);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_stops_at_the_limit_with_a_position()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var error = SingleError(() => YamlDocumentReader.Parse("a: " + deep + "\n", "deep.yaml"));
        Assert.Equal(("deep.yaml", 1), (error.File, error.Line));
        Assert.Equal(3 + YamlLimits.MaxDepth, error.Column);
        Assert.Contains("nesting deeper than 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_block_nesting_is_bounded_too()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            sb.Append(new string(' ', 2 * i)).Append('k').Append(i).Append(":\n");
        }

        sb.Append(new string(' ', 400)).Append("x: 1\n");
        var error = SingleError(() => YamlDocumentReader.Parse(sb.ToString(), "deep.yaml"));
        Assert.Equal(YamlLimits.MaxDepth + 1, error.Line);
        Assert.StartsWith("k0.k1.k2", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_bomb_is_refused_without_expanding_it()
    {
        var sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            var prev = (char)('a' + i - 1);
            var cur = (char)('a' + i);
            sb.Append(cur).Append(": &").Append(cur).Append(" [");
            sb.Append(string.Join(", ", Enumerable.Repeat("*" + prev, 9)));
            sb.Append("]\n");
        }

        var error = SingleError(() => YamlDocumentReader.Parse(sb.ToString(), "bomb.yaml"));
        Assert.Equal("bomb.yaml", error.File);
        Assert.True(error.Line is >= 5 and <= 12, error.ToString());
        Assert.Contains("expands to more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_aliases_are_allowed_and_shared()
    {
        var root = YamlDocumentReader.ParseMapping("a: &x {k: 1}\nb: *x\n", "ok.yaml");
        Assert.Same(root["a"], root["b"]);
    }

    [Fact]
    public void Undefined_alias_is_an_error()
    {
        var error = SingleError(() => YamlDocumentReader.Parse("a: *nope\n", "alias.yaml"));
        Assert.Equal(("alias.yaml", 1, 4, "a"), (error.File, error.Line, error.Column, error.Path));
    }

    [Fact]
    public void Top_level_must_be_a_mapping()
    {
        var error = SingleError(() => YamlDocumentReader.ParseMapping("- a\n- b\n", "list.yaml"));
        Assert.Contains("expected a YAML mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Second_document_is_an_error()
    {
        var error = SingleError(() => YamlDocumentReader.Parse("a: 1\n---\nb: 2\n", "two.yaml"));
        Assert.Equal(2, error.Line);
    }
}
