using System.Globalization;
using System.Text.Json;
using HybridSim.Metrics.Reports;

namespace HybridSim.Pipeline.Tests;

/// <summary>
/// The shipped architectures stay the anchors of the component scaling models (docs/architecture-files.md, "Your own
/// architecture"): each one's report for resnet20-cifar (default partition, with --program) matches the report it gave
/// before the figures became models, within 2 % per number. The fixtures in ShippedReports/ were written by
/// <c>hybridsim run --arch arch/NAME.yaml --workload resnet20-cifar --program --out DIR</c> before that change; a
/// deliberate change to the cost model regenerates them the same way and says so in its commit.
/// </summary>
public sealed class ShippedReportTests
{
    private const double Tolerance = 0.02;

    public static TheoryData<string> Shipped =>
    [
        "puma", "hyperx-128-16b", "hyperx-128-8b", "hyperx-64-16b", "hyperx-64-8b", "hyperx-128-8b-scaled", "hyperx-64-8b-scaled", "lobranch-3d",
    ];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void The_shipped_architecture_reproduces_its_report_within_two_percent(string name)
    {
        var outcome = RunPipeline.Run(new RunRequest(RepositoryPaths.Arch(name + ".yaml"), [], "resnet20-cifar", null, Program: true));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "HybridSim.Pipeline.Tests", "ShippedReports", name + ".json")));
        using var actual = JsonDocument.Parse(ReportJson.Write(outcome.Report));

        var differences = new List<string>();
        Compare(expected.RootElement, actual.RootElement, "", differences);
        Assert.True(differences.Count == 0, $"{name}: {differences.Count} numbers moved by more than 2 %:\n" + string.Join("\n", differences.Take(20)));
        Assert.Empty(outcome.Architecture.Warnings);
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        // The simulator's own statistics (events, wall time) are not results of the model.
        if (path == "simulator")
        {
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in expected.EnumerateObject())
                {
                    var child = path.Length == 0 ? p.Name : $"{path}.{p.Name}";
                    if (actual.ValueKind != JsonValueKind.Object || !actual.TryGetProperty(p.Name, out var a))
                    {
                        differences.Add($"{child}: missing");
                        continue;
                    }

                    Compare(p.Value, a, child, differences);
                }

                break;
            case JsonValueKind.Array:
                var (e, n) = (expected.EnumerateArray().ToList(), actual.EnumerateArray().ToList());
                if (e.Count != n.Count)
                {
                    differences.Add($"{path}: {e.Count} items expected, {n.Count} found");
                    break;
                }

                for (var i = 0; i < e.Count; i++)
                {
                    Compare(e[i], n[i], $"{path}[{i}]", differences);
                }

                break;
            case JsonValueKind.Number:
                var (x, y) = (expected.GetDouble(), actual.GetDouble());
                if (Math.Abs(x - y) > Tolerance * Math.Abs(x) && !(x == 0 && y == 0))
                {
                    differences.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: {x} expected, {y} found"));
                }

                break;
            default:
                if (expected.ToString() != actual.ToString())
                {
                    differences.Add($"{path}: '{expected}' expected, '{actual}' found");
                }

                break;
        }
    }
}
