using HybridSim.Specs.Output;
using System.Collections.Immutable;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Validation;

namespace HybridSim.Sweeps;

/// <summary>
/// <c>hybridsim merge DIR... --out DIR</c>: combines the folders of the shards of one sweep (same manifest) into one
/// folder with every point, <c>sweep.csv</c> and the figures.
/// </summary>
public static class SweepMerge
{
    /// <summary>Merges; returns the table result (its <see cref="SweepTableResult.MissingRows"/> lists points no shard finished).</summary>
    /// <exception cref="SpecException">A folder has no manifest, or the manifests describe different sweeps.</exception>
    public static SweepTableResult Merge(IReadOnlyList<string> directories, string output)
    {
        if (directories.Count == 0)
        {
            throw new SpecException(new SpecError("merge", 0, 0, "", "expected at least one sweep folder"));
        }

        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                throw new SpecException(new SpecError(directory, 0, 0, "dir", File.Exists(directory)
                    ? "is a file; expected a sweep folder written by 'hybridsim sweep ... --out DIR'"
                    : "no such folder; expected a sweep folder written by 'hybridsim sweep ... --out DIR'"));
            }
        }

        var plans = directories.Select(SweepManifest.ReadFile).ToList();
        var plan = plans[0];
        var expected = SweepManifest.Write(plan);
        for (var i = 1; i < plans.Count; i++)
        {
            if (SweepManifest.Write(plans[i]) != expected)
            {
                throw new SpecException(new SpecError(
                    Path.Combine(directories[i], SweepManifest.FileName), 0, 0, "",
                    $"describes another sweep than {Path.Combine(directories[0], SweepManifest.FileName)}; merge only shards of one sweep command"));
            }
        }

        // Held like a sweep's: a sweep of another plan running into the output folder refuses the merge, and the reverse.
        using var folderLock = SweepRunner.Join(plan, output, ShardSpec.All, "hybridsim merge " + string.Join(" ", directories));
        var reports = new Dictionary<string, RunReport>(StringComparer.Ordinal);
        foreach (var point in plan.Points)
        {
            // Output folder first (it may be one of the shards), then the shards in the order given.
            foreach (var directory in directories.Prepend(output))
            {
                var report = SweepRunner.TryReadPoint(directory, point.Key);
                if (report is null)
                {
                    continue;
                }

                reports[point.Key] = report;
                var target = SweepRunner.PointPath(output, point.Key);
                if (directory != output && SweepRunner.TryReadPoint(output, point.Key) is null)
                {
                    SafeFile.WriteAllText(target, Specs.Input.InputFile.ReadAllText(SweepRunner.PointPath(directory, point.Key), ReportJson.MaxReportBytes, "points", "a point file"));
                }

                break;
            }
        }

        return SweepOutput.Write(output, plan, key => reports.GetValueOrDefault(key));
    }

    /// <summary>Keys of plan points (baselines included) with no finished report in <paramref name="directory"/>.</summary>
    public static ImmutableArray<string> MissingPoints(SweepPlan plan, string directory) =>
        plan.Points.Where(p => SweepRunner.TryReadPoint(directory, p.Key) is null).Select(p => p.Key).ToImmutableArray();
}
