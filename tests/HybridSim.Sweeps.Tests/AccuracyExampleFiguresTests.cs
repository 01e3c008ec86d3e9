using System.Globalization;
using System.Security.Cryptography;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Recovery;
using HybridSim.Metrics.Reports;
using HybridSim.Sweeps.Accuracy;

namespace HybridSim.Sweeps.Tests;

/// <summary>
/// The accuracy studies in plots/ (README's main command and the LoBranch rank study) must match the shipped files,
/// the committed weights and the current model: input digests, figures redrawn from the committed table, and one row
/// of each re-measured on data.
/// </summary>
public sealed class AccuracyExampleFiguresTests
{
    private static string Stale(string folder) => $"the figures in plots/{folder} are stale: run plots/regenerate.sh";

    private static string Folder(string name) => Path.Combine(RepositoryPaths.Root, "plots", name);

    private static AccuracyRequest Request(RecoveryMethod method) => new(
        Path.Combine(RepositoryPaths.Root, "weights", "cnn-digits.npz"), "digits", method, RecoveryOptions.DefaultTraining,
        RecoveryOptions.DefaultBranchLearningRate, null, 3, 1, InferencePath.Exact, null);

    [Theory]
    [InlineData("cnn-digits-freeze")]
    [InlineData("cnn-digits-rank")]
    public void Input_digests_match_the_architectures_the_workload_and_the_weights(string name)
    {
        var root = RepositoryPaths.Root;
        var files = Directory.GetFiles(Path.Combine(root, "arch"), "*.yaml", SearchOption.AllDirectories)
            .OrderBy(f => Path.GetRelativePath(root, f).Replace('\\', '/'), StringComparer.Ordinal)
            .Append(Path.Combine(root, "workloads", "cnn-digits.yaml"))
            .Append(Path.Combine(root, "weights", "cnn-digits.npz"));
        var expected = string.Concat(files.Select(f => $"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}  {Path.GetRelativePath(root, f).Replace('\\', '/')}\n"));
        Assert.True(expected == File.ReadAllText(Path.Combine(Folder(name), "inputs.sha256")), $"an input changed since the figures were made; {Stale(name)}");
    }

    [Theory]
    [InlineData("cnn-digits-freeze", 16)]
    [InlineData("cnn-digits-rank", 5)]
    public void Svgs_are_the_figures_drawn_from_the_committed_table(string name, int rows)
    {
        var table = CsvTable.ReadFile(Path.Combine(Folder(name), SweepOutput.TableFile));
        Assert.Equal(rows, table.Rows.Length);
        Assert.True(SweepFigures.Main(table).ToSvg() == File.ReadAllText(Path.Combine(Folder(name), SweepOutput.FigureFile)), Stale(name));
        Assert.True(SweepFigures.Pareto(table).ToSvg() == File.ReadAllText(Path.Combine(Folder(name), SweepOutput.ParetoFile)), Stale(name));
        Assert.Contains(table.Rows, r => r[table.ColumnIndex(AccuracyColumns.Chosen)] == "1");
    }

    [Theory]
    [InlineData("cnn-digits-freeze", "hyperx-64-8b", SweepKind.Freeze, 2, RecoveryMethod.Retrain)]
    [InlineData("cnn-digits-rank", "lobranch-3d", SweepKind.Rank, 2, RecoveryMethod.LoBranch)]
    public void A_remeasured_row_has_the_committed_accuracy(string name, string architecture, SweepKind kind, int value, RecoveryMethod method)
    {
        var arch = Path.Combine(RepositoryPaths.Root, "arch", architecture + ".yaml");
        var workload = Path.Combine(RepositoryPaths.Root, "workloads", "cnn-digits.yaml");
        var backend = PipelineBackend.Create(Request(method));
        var definition = kind == SweepKind.Freeze ? SweepDefinition.Freeze([arch], workload, [], value, value) : SweepDefinition.Rank([arch], workload, [], [value]);
        var point = definition.Expand(backend).TableRows.Single();

        var measured = new PointAccuracy(Request(method)).Measure(point, null);

        var table = CsvTable.ReadFile(Path.Combine(Folder(name), SweepOutput.TableFile));
        var key = kind == SweepKind.Freeze ? "freeze" : "rank";
        var row = table.Rows.Single(r => r[table.ColumnIndex("architecture")] == architecture && r[table.ColumnIndex(key)] == value.ToString(CultureInfo.InvariantCulture));
        foreach (var (column, number) in measured)
        {
            Assert.True(CsvTable.FormatNumber(number) == row[table.ColumnIndex(column)], $"{architecture} {key}-{value} {column}: measured {number}, plots/ has {row[table.ColumnIndex(column)]}; {Stale(name)}");
        }
    }
}
