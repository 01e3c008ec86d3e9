namespace HybridSim.Cli.Tests.EndToEnd;

/// <summary>The <c>hybridsim</c> commands README shows, run as written (output folders moved to a temporary folder).</summary>
[Trait("Requires", "Compiler")]
public sealed class ReadmeCommandsTests
{
    private const string Prefix = "dotnet run -c Release --project src/HybridSim.Cli -- ";

    public static TheoryData<string> Commands => [.. ReadmeCommands()];

    [Fact]
    public void Readme_shows_the_main_command_first()
    {
        Assert.StartsWith("sweep freeze --arch arch/hyperx-128-16b.yaml", ReadmeCommands().First(), StringComparison.Ordinal);
    }

    private static IEnumerable<string> ReadmeCommands() => File.ReadAllLines(Path.Combine(CliHarness.Root, "README.md"))
        .Where(l => l.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(l => l[Prefix.Length..]);

    [Theory]
    [MemberData(nameof(Commands))]
    public void Readme_command_succeeds(string command)
    {
        var output = Directory.CreateTempSubdirectory("hybridsim-readme-").FullName;
        try
        {
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i].StartsWith("arch/", StringComparison.Ordinal))
                {
                    args[i] = Path.Combine(CliHarness.Root, args[i]);
                }
                else if (i > 0 && args[i - 1] == "--out")
                {
                    args[i] = Path.Combine(output, "out");
                }
            }

            var (code, _, err) = CliHarness.Invoke(args);

            Assert.True(code == 0, $"exit code {code}: {err}");
            if (args[0] == "sweep")
            {
                Assert.Equal(85, File.ReadAllLines(Path.Combine(output, "out", "sweep.csv")).Length); // header + 4 x 21 points
                Assert.True(File.Exists(Path.Combine(output, "out", "sweep.svg")));
            }
            else if (args.Contains("--out"))
            {
                Assert.True(File.Exists(Path.Combine(output, "out", "report.json")));
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
