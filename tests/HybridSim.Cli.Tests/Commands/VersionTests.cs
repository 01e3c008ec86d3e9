namespace HybridSim.Cli.Tests.Commands;

/// <summary><c>hybridsim --version</c>, the check README's Install section ends with.</summary>
public sealed class VersionTests
{
    [Fact]
    public void Version_prints_the_program_name_and_the_project_version()
    {
        var (code, output, err) = CliHarness.Invoke("--version");
        Assert.True(code == 0, err);
        var project = typeof(CommandLineApp).Assembly.GetName().Version!.ToString(3);
        Assert.StartsWith($"hybridsim {project}", output.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("+", output, StringComparison.Ordinal);
        Assert.Equal(output.Trim(), CommandLineApp.VersionText());
    }
}
