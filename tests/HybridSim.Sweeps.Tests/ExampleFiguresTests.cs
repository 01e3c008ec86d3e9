using System.Security.Cryptography;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Architecture;
using HybridSim.Pipeline;

namespace HybridSim.Sweeps.Tests;

/// <summary>
/// The README figures in plots/ must match the shipped architectures and the current model; plots/regenerate.sh
/// rebuilds them. Until the HyperX architecture files exist there is nothing to be stale against and the checks pass;
/// from then on a missing or stale figure fails.
/// </summary>
public sealed class ExampleFiguresTests
{
    private static readonly string[] Architectures = ["hyperx-128-16b", "hyperx-128-8b", "hyperx-64-16b", "hyperx-64-8b"];
    private static readonly string[] Compared =
    [
        "cycles", "latency_ns", "dynamic_energy_pj", "leakage_energy_pj", "total_energy_pj", "area_mm2", "anl_ms_mm2",
        "sram_weight_fraction", "energy_improvement", "anl_improvement",
    ];

    private const string Stale = "the figures in plots/resnet20-freeze are stale: run plots/regenerate.sh";

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HybridSim.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// The repository root and the shipped figure folder. The HyperX architectures and the figure folder are shipped,
    /// so a missing one (a rename) fails the test rather than letting it pass having checked nothing.
    /// </summary>
    private static (string Root, string Folder) Shipped()
    {
        var root = RepositoryRoot() ?? throw new InvalidOperationException("HybridSim.sln not found above the test binaries");
        var folder = Path.Combine(root, "plots", "resnet20-freeze");
        foreach (var arch in Architectures)
        {
            var path = Path.Combine(root, "arch", arch + ".yaml");
            Assert.True(File.Exists(path), $"{path} is missing: the shipped figures are drawn from it");
        }

        Assert.True(Directory.Exists(folder), $"{folder} is missing; {Stale}");
        return (root, folder);
    }

    [Fact]
    public void Input_digests_match_the_architecture_and_workload_files()
    {
        var (root, folder) = Shipped();

        var recorded = Path.Combine(folder, "inputs.sha256");
        Assert.True(File.Exists(recorded), $"{recorded} is missing; {Stale}");
        // Every architecture file, bases in subfolders included, ordered as `LC_ALL=C sort` orders the paths.
        var files = Directory.GetFiles(Path.Combine(root, "arch"), "*.yaml", SearchOption.AllDirectories)
            .OrderBy(f => Path.GetRelativePath(root, f).Replace('\\', '/'), StringComparer.Ordinal)
            .Append(Path.Combine(root, "workloads", "resnet20-cifar.yaml"));
        var expected = string.Concat(files.Select(f =>
            $"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}  {Path.GetRelativePath(root, f).Replace('\\', '/')}\n"));
        Assert.True(expected == File.ReadAllText(recorded).Replace("\r\n", "\n", StringComparison.Ordinal), $"an input changed since the figures were made; {Stale}");
    }

    [Fact]
    public void Svgs_are_the_figures_drawn_from_the_committed_table()
    {
        var (_, folder) = Shipped();

        var table = CsvTable.ReadFile(Path.Combine(folder, SweepOutput.TableFile));
        Assert.True(SweepFigures.Main(table).ToSvg() == File.ReadAllText(Path.Combine(folder, SweepOutput.FigureFile)), Stale);
        Assert.True(SweepFigures.Breakdown(table).ToSvg() == File.ReadAllText(Path.Combine(folder, SweepOutput.BreakdownFile)), Stale);
        Assert.Equal(84, table.Rows.Length);
    }

    [Fact]
    public void Resimulated_sample_rows_equal_the_committed_table()
    {
        var (root, folder) = Shipped();

        var table = CsvTable.ReadFile(Path.Combine(folder, SweepOutput.TableFile));
        var workload = Path.Combine(root, "workloads", "resnet20-cifar.yaml");
        foreach (var architecture in Architectures)
        {
            var path = Path.Combine(root, "arch", architecture + ".yaml");
            RunReport Run(int x) => RunPipeline.Run(new RunRequest(path, [], workload, PartitionSpec.Freeze(x))).Report;
            var baseline = Run(0);
            foreach (var x in new[] { 0, 10, 20 })
            {
                var report = x == 0 ? baseline : Run(x);
                var row = table.Rows.FirstOrDefault(r =>
                    r[table.ColumnIndex("architecture")] == report.Architecture && r[table.ColumnIndex("freeze")] == x.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.False(row.IsDefault, $"no row for {report.Architecture} freeze-{x}; {Stale}");
                var expected = new Dictionary<string, string>
                {
                    ["cycles"] = report.Cycles.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["latency_ns"] = CsvTable.FormatNumber(report.LatencyNs),
                    ["dynamic_energy_pj"] = CsvTable.FormatNumber(report.DynamicEnergyPj),
                    ["leakage_energy_pj"] = CsvTable.FormatNumber(report.LeakageEnergyPj),
                    ["total_energy_pj"] = CsvTable.FormatNumber(report.TotalEnergyPj),
                    ["area_mm2"] = CsvTable.FormatNumber(report.AreaMm2),
                    ["anl_ms_mm2"] = CsvTable.FormatNumber(report.AnlMsMm2),
                    ["sram_weight_fraction"] = CsvTable.FormatNumber(report.SramWeightFraction),
                    ["energy_improvement"] = CsvTable.FormatNumber(baseline.DynamicEnergyPj / report.DynamicEnergyPj),
                    ["anl_improvement"] = CsvTable.FormatNumber(baseline.AnlMsMm2 / report.AnlMsMm2),
                };
                foreach (var column in Compared)
                {
                    var committed = row[table.ColumnIndex(column)];
                    Assert.True(expected[column] == committed, $"{report.Architecture} freeze-{x} {column}: simulated {expected[column]}, plots/ has {committed}; {Stale}");
                }
            }
        }
    }
}
