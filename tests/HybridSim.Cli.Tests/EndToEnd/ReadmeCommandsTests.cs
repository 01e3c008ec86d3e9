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

    /// <summary>Weights files README's commands share (train writes them, evaluate and infer read them), once per run.</summary>
    private static readonly string SharedWeights = Directory.CreateTempSubdirectory("hybridsim-readme-weights-").FullName;

    private static readonly Lock TrainLock = new();

    [Theory]
    [MemberData(nameof(Commands))]
    public void Readme_command_succeeds(string command)
    {
        var output = Directory.CreateTempSubdirectory("hybridsim-readme-").FullName;
        try
        {
            var args = Rewrite(command, output);
            if (Array.IndexOf(args, "--weights") is var w and >= 0)
            {
                EnsureTrained(args[w + 1]);
            }

            var (code, _, err) = CliHarness.Invoke(args);

            Assert.True(code == 0, $"exit code {code}: {err}");
            var outPath = Array.IndexOf(args, "--out") is var o and >= 0 ? args[o + 1] : null;
            switch (args[0])
            {
                case "sweep":
                    var table = File.ReadAllLines(Path.Combine(output, "out", "sweep.csv"));
                    Assert.Equal(1 + ExpectedRows(args), table.Length);
                    Assert.True(File.Exists(Path.Combine(output, "out", "sweep.svg")));
                    if (args.Contains("--weights"))
                    {
                        // The two-axis study: accuracy beside cost, the Pareto figure, and the chosen point.
                        Assert.Contains(",accuracy,accuracy_std,accuracy_before_recovery,", table[0], StringComparison.Ordinal);
                        Assert.True(File.Exists(Path.Combine(output, "out", "pareto.svg")));
                        Assert.Contains("\"point\": {", File.ReadAllText(Path.Combine(output, "out", "choice.json")), StringComparison.Ordinal);
                    }

                    break;
                case "recover":
                    Assert.Contains("\"after\"", File.ReadAllText(Path.Combine(outPath!, "recovery.json")), StringComparison.Ordinal);
                    Assert.True(File.Exists(Path.Combine(outPath!, "instance-0.npz")));
                    break;
                case "train" or "infer":
                    Assert.True(File.Exists(outPath), $"{args[0]} wrote no {outPath}");
                    break;
                case "compile":
                    Assert.True(File.Exists(Path.Combine(outPath!, "summary.json")));
                    Assert.NotEmpty(Directory.EnumerateFiles(outPath!, "core*.asm", SearchOption.AllDirectories));
                    break;
                case "evaluate":
                    Assert.Contains("\"quantized_accuracy\"", File.ReadAllText(Path.Combine(outPath!, "accuracy.json")), StringComparison.Ordinal);
                    break;
                default:
                    if (outPath is not null)
                    {
                        Assert.True(File.Exists(Path.Combine(outPath, "report.json")));
                    }

                    break;
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>Rows of a README sweep: architectures × (weight layers + 1) for freeze, architectures × ranks for rank.</summary>
    private static int ExpectedRows(string[] args)
    {
        var architectures = args.Count(a => a == "--arch");
        var workload = args[Array.IndexOf(args, "--workload") + 1];
        return args[1] == "rank"
            ? architectures * args[Array.IndexOf(args, "--ranks") + 1].Split(',').Length
            : architectures * (HybridSim.Specs.Workloads.WorkloadLoader.Load(workload).WeightLayerCount + 1);
    }

    /// <summary>Paths into the repository made absolute; output folders moved to <paramref name="output"/>; weights files
    /// (train's output, the others' --weights) moved to one shared folder.</summary>
    private static string[] Rewrite(string command, string output)
    {
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("arch/", StringComparison.Ordinal))
            {
                args[i] = Path.Combine(CliHarness.Root, args[i]);
            }
            else if (i > 0 && (args[i - 1] == "--weights" || (args[0] == "train" && args[i - 1] == "--out")))
            {
                args[i] = Path.Combine(SharedWeights, Path.GetFileName(args[i]));
            }
            else if (i > 0 && args[i - 1] == "--out")
            {
                args[i] = Path.Combine(output, "out");
            }
        }

        return args;
    }

    /// <summary>Runs the README train command that writes <paramref name="weights"/> unless an earlier test did.</summary>
    private static void EnsureTrained(string weights)
    {
        lock (TrainLock)
        {
            if (File.Exists(weights))
            {
                return;
            }

            var train = ReadmeCommands().Select(c => Rewrite(c, SharedWeights)).First(a => a[0] == "train" && a[Array.IndexOf(a, "--out") + 1] == weights);
            var (code, _, err) = CliHarness.Invoke(train);
            Assert.True(code == 0, $"training for {weights} failed ({code}): {err}");
        }
    }
}
