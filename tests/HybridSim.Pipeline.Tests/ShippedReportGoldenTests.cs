using System.Text.RegularExpressions;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Architecture;
using HybridSim.Tests;

namespace HybridSim.Pipeline.Tests;

/// <summary>
/// report.json of the digits CNN on every shipped architecture at freeze points and rank 0, byte for byte against files
/// made by the code before the SRAM-CIM cost model followed the branch's work (docs/model.md 3.3): that change must move
/// no point that places nothing on packed SRAM-CIM macros. The wall time is the one field that may differ.
/// </summary>
public sealed partial class ShippedReportGoldenTests
{
    public static TheoryData<string, string> Points()
    {
        var points = new TheoryData<string, string>();
        foreach (var arch in new[] { "hyperx-128-16b", "hyperx-128-8b", "hyperx-128-8b-scaled", "hyperx-64-16b", "hyperx-64-8b", "hyperx-64-8b-scaled", "puma", "lobranch-3d" })
        {
            // freeze-1 and freeze-2 put the later layers on digital tiles. puma has none; on lobranch-3d they are packed
            // macros, whose cost follows the blocks (LoBranchCostTests). There the all-RRAM freeze-3 and rank 0 are pinned.
            foreach (var partition in arch is "lobranch-3d" or "puma" ? new[] { "freeze-3", "rank-0" } : ["freeze-1", "freeze-2", "rank-0"])
            {
                points.Add(arch, partition);
            }
        }

        return points;
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Digits_cnn_report_is_unchanged(string arch, string partition)
    {
        var spec = partition.StartsWith("rank", StringComparison.Ordinal)
            ? PartitionSpec.Rank(int.Parse(partition[5..], System.Globalization.CultureInfo.InvariantCulture))
            : PartitionSpec.Freeze(int.Parse(partition[7..], System.Globalization.CultureInfo.InvariantCulture));
        var report = RunPipeline.Run(new RunRequest(
            Path.Combine(RepositoryPaths.Root, "arch", arch + ".yaml"), [], Path.Combine(RepositoryPaths.Root, "workloads", "cnn-digits.yaml"), spec)).Report;

        GoldenFile.AssertMatches($"cnn-digits-{arch}-{partition}.json", WallTime().Replace(ReportJson.Write(report), "\"wall_seconds\": 0"));
    }

    [GeneratedRegex("\"wall_seconds\":\\s*[0-9.eE+-]+")]
    private static partial Regex WallTime();
}
