using HybridSim.Specs.Validation;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Tests.Yaml;

/// <summary>
/// <c>extends:</c> and <c>include:</c> resolve only inside the top file's folder tree, the shipped arch/ and
/// workloads/, and folders allowed with --allow-path; anything else is refused before it is read, so no message
/// quotes it (issue 15, section 4). Messages quote at most a short excerpt of anything.
/// </summary>
public sealed class IncludeConfinementTests
{
    [Fact]
    public void Extends_of_etc_passwd_is_refused_without_reading_or_quoting_it()
    {
        using var dir = new TempDirectory();
        var file = dir.File("arch.yaml", "extends: /etc/passwd\nclock: 1GHz\n");

        var e = Assert.Throws<SpecException>(() => SpecComposer.Compose(file, []));

        var error = Assert.Single(e.Errors);
        Assert.Equal((file, 1, "extends"), (error.File, error.Line, error.Path));
        Assert.StartsWith("extended file '/etc/passwd' (/etc/passwd) is outside the folders a specification may read from (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("or allow its folder with --allow-path DIR", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_of_etc_shadow_is_refused_naming_the_include_item()
    {
        using var dir = new TempDirectory();
        var file = dir.File("arch.yaml", "include: [/etc/shadow]\n");

        var error = Assert.Single(Assert.Throws<SpecException>(() => SpecComposer.Compose(file, [])).Errors);

        Assert.Equal((1, "include[0]"), (error.Line, error.Path));
        Assert.Contains("included file '/etc/shadow'", error.Message, StringComparison.Ordinal);
        Assert.Contains("is outside the folders", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_in_a_parent_folder_is_refused_until_that_folder_is_allowed()
    {
        using var dir = new TempDirectory();
        dir.File("common.yaml", "x: 1\n");
        var file = dir.File("mine/arch.yaml", "extends: ../common.yaml\ny: 2\n");

        var refused = Assert.Single(Assert.Throws<SpecException>(() => SpecComposer.Compose(file, [])).Errors);
        using (IncludeRoots.Allow([dir.Path]))
        {
            Assert.Equal("1", ((SpecScalar)SpecComposer.Compose(file, []).Root["x"]!).Value);
        }

        Assert.Contains("is outside the folders", refused.Message, StringComparison.Ordinal);
        Assert.Throws<SpecException>(() => SpecComposer.Compose(file, []));
    }

    [Fact]
    public void Bases_anywhere_in_the_top_files_folder_tree_are_allowed()
    {
        using var dir = new TempDirectory();
        dir.File("c.yaml", "c: 3\n");
        dir.File("sub/b.yaml", "include: [../c.yaml]\nb: 2\n");
        var file = dir.File("a.yaml", "extends: sub/b.yaml\na: 1\n");

        var root = SpecComposer.Compose(file, []).Root;

        Assert.Equal(("1", "2", "3"), (((SpecScalar)root["a"]!).Value, ((SpecScalar)root["b"]!).Value, ((SpecScalar)root["c"]!).Value));
    }

    [Fact]
    public void The_shipped_arch_folder_is_allowed_from_anywhere()
    {
        using var dir = new TempDirectory();
        var file = dir.File("arch.yaml", $"extends: {RepositoryPaths.Arch("puma.yaml")}\nclock: 2GHz\n");

        var spec = SpecComposer.Compose(file, []);

        Assert.Equal("2GHz", ((SpecScalar)spec.Root["clock"]!).Value);
        Assert.True(spec.Files.Length > 2);
    }

    [Fact]
    public void A_symlink_inside_the_folder_that_leads_out_is_refused()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/etc/passwd"))
        {
            return;
        }

        using var dir = new TempDirectory();
        File.CreateSymbolicLink(System.IO.Path.Combine(dir.Path, "base.yaml"), "/etc/passwd");
        Directory.CreateSymbolicLink(System.IO.Path.Combine(dir.Path, "etc"), "/etc");
        var viaFile = dir.File("a.yaml", "extends: base.yaml\n");
        var viaFolder = dir.File("b.yaml", "extends: etc/passwd\n");

        foreach (var file in new[] { viaFile, viaFolder })
        {
            var error = Assert.Single(Assert.Throws<SpecException>(() => SpecComposer.Compose(file, [])).Errors);
            Assert.Contains("(/etc/passwd) is outside the folders", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Dot_dot_after_a_symlink_is_resolved_as_the_system_resolves_it()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/etc/ssl"))
        {
            return;
        }

        // link/../x.yaml reads /etc/x.yaml (the parent of the link's target), not x.yaml beside the link.
        using var dir = new TempDirectory();
        Directory.CreateSymbolicLink(System.IO.Path.Combine(dir.Path, "link"), "/etc/ssl");
        dir.File("x.yaml", "x: 1\n");
        var file = dir.File("a.yaml", "extends: link/../x.yaml\n");

        var error = Assert.Single(Assert.Throws<SpecException>(() => SpecComposer.Compose(file, [])).Errors);

        Assert.Contains("(/etc/x.yaml) is outside the folders", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_allowed_base_that_is_not_a_mapping_is_not_quoted()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/etc/passwd"))
        {
            return;
        }

        using var dir = new TempDirectory();
        var file = dir.File("arch.yaml", "extends: /etc/passwd\n");
        using var allowed = IncludeRoots.Allow(["/etc"]);

        var e = Assert.Throws<SpecException>(() => SpecComposer.Compose(file, []));

        Assert.DoesNotContain("root:", e.Message, StringComparison.Ordinal);
        Assert.Contains("found plain text (", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Length < 400, e.Message);
    }

    [Fact]
    public void A_folder_as_base_is_named_a_folder_not_missing()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(System.IO.Path.Combine(dir.Path, "parts"));
        var file = dir.File("arch.yaml", "extends: parts\n");

        var error = Assert.Single(Assert.Throws<SpecException>(() => SpecComposer.Compose(file, [])).Errors);

        Assert.Contains("extended file 'parts' is a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_unknown_keys_and_values_are_quoted_as_a_short_excerpt()
    {
        var key = new string('k', 1000);
        var root = YamlDocumentReader.ParseMapping($"{key}: 1\nrows: {new string('9', 3000)}x\n", "a.yaml");
        var errors = new SpecErrorList();
        var reader = new MappingReader(root, "", errors);
        reader.ReadInteger("rows");
        reader.Finish();

        Assert.Equal(2, errors.Count);
        Assert.All(errors.Errors, e => Assert.True(e.Message.Length < 200, e.Message));
        Assert.Contains("... (1000 characters)", errors.Errors[1].Message, StringComparison.Ordinal);
    }
}
