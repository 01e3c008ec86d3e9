namespace HybridSim.Cli.Tests.Commands;

/// <summary>--allow-path DIR, on any verb, lets extends:/include: read outside the file's folder tree (issue 15, section 4).</summary>
public sealed class AllowPathTests
{
    [Fact]
    public void Validate_refuses_etc_passwd_as_extends_with_exit_1_and_quotes_none_of_it()
    {
        using var dir = new TempDirectory();
        var arch = dir.File("arch.yaml", "extends: /etc/passwd\n");

        var (code, _, err) = CliHarness.Invoke("validate", "--arch", arch);

        Assert.Equal(1, code);
        Assert.Contains($"{arch}:1:10: extends: extended file '/etc/passwd' (/etc/passwd) is outside the folders a specification may read from", err, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_outside_the_tree_loads_once_its_folder_is_allowed()
    {
        using var dir = new TempDirectory();
        dir.File("shared/base.yaml", $"extends: {CliHarness.Arch("puma.yaml")}\n");
        var arch = dir.File("mine/arch.yaml", "extends: ../shared/base.yaml\nclock: 2GHz\n");

        var (refused, _, err) = CliHarness.Invoke("validate", "--arch", arch);
        var (allowed, output, _) = CliHarness.Invoke("validate", "--arch", arch, "--allow-path", dir.Sub("shared"));

        Assert.Equal((1, 0), (refused, allowed));
        Assert.Contains("allow its folder with --allow-path DIR", err, StringComparison.Ordinal);
        Assert.Contains("clock 2 GHz", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Allow_path_is_accepted_by_run_as_well()
    {
        using var dir = new TempDirectory();
        dir.File("shared/base.yaml", $"extends: {CliHarness.Arch("puma.yaml")}\n");
        var arch = dir.File("mine/arch.yaml", "extends: ../shared/base.yaml\n");

        var (code, output, _) = CliHarness.Invoke("run", "--arch", arch, "--workload", CliHarness.Workload("mlp-digits.yaml"), "--allow-path", dir.Sub("shared"));

        Assert.Equal(0, code);
        Assert.Contains("cycles", output, StringComparison.Ordinal);
    }
}
