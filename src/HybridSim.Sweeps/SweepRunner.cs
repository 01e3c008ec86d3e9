using HybridSim.Specs.Output;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Validation;

namespace HybridSim.Sweeps;

/// <summary>
/// Runs a plan's points in parallel, each its own simulation, and writes each report atomically to
/// <c>DIR/points/&lt;key&gt;.json</c> as soon as it finishes. Points whose file already exists (and parses) are skipped,
/// so a rerun after Ctrl-C or a crash continues where it stopped. A failing point does not stop the others.
/// </summary>
public sealed class SweepRunner(SweepBackend backend, ISweepProgress progress)
{
    public const string PointsFolder = "points";

    /// <summary>Full error text (stack trace included for bugs) of each failed point, removed when the point later succeeds.</summary>
    public const string FailedFolder = "failed";

    /// <summary>Recovered weights of each point of an accuracy sweep with <c>--recover</c>: <c>recovered/&lt;key&gt;/instance-K.npz</c>.</summary>
    public const string RecoveredFolder = "recovered";

    public static string PointPath(string directory, string key) => Path.Combine(directory, PointsFolder, key + ".json");

    /// <summary>Reads a finished point, or null when it is absent or torn (then it is simply run again).</summary>
    public static RunReport? TryReadPoint(string directory, string key)
    {
        var path = PointPath(directory, key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return ReportJson.ReadFile(path);
        }
        catch (SpecException)
        {
            return null;
        }
    }

    public SweepRunResult Run(SweepPlan plan, string directory, ShardSpec shard, int jobs, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        Directory.CreateDirectory(Path.Combine(directory, PointsFolder));
        SweepManifest.WriteFile(directory, plan);
        var mine = plan.Shard(shard);
        var pending = mine.Where(p => TryReadPoint(directory, p.Key) is null).ToList();
        var reused = mine.Length - pending.Count;
        progress.Started(mine.Length, reused);
        var failures = new ConcurrentDictionary<string, PointFailure>(StringComparer.Ordinal);
        var simulated = 0;
        var interrupted = false;
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellation };
            // NoBuffering: workers take points one at a time, in plan order, so cores stay busy until the end.
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(pending, EnumerablePartitionerOptions.NoBuffering), options, point =>
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    var report = backend.RunPoint(point);
                    if (backend.MeasureAccuracy is { } accuracy)
                    {
                        // Both halves in one file, written once: a point is finished only when both are.
                        var metrics = accuracy(point, Path.Combine(directory, RecoveredFolder, point.Key));
                        report = report with { Extra = report.Extra.SetItems(metrics) };
                    }

                    ReportJson.WriteFile(PointPath(directory, point.Key), report);
                    var stale = Path.Combine(directory, FailedFolder, point.Key + ".txt");
                    if (File.Exists(stale))
                    {
                        File.Delete(stale);
                    }
                    Interlocked.Increment(ref simulated);
                    progress.PointFinished(point, clock.Elapsed, null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    var message = e is SpecException or ArgumentException or InvalidOperationException or IOException
                        ? e.Message
                        : e.ToString();
                    failures[point.Key] = new PointFailure(point, message);
                    SafeFile.WriteAllText(Path.Combine(directory, FailedFolder, point.Key + ".txt"), point.Label + "\n" + message + "\n");
                    progress.PointFinished(point, clock.Elapsed, message);
                }
            });
        }
        catch (OperationCanceledException)
        {
            interrupted = true;
        }

        progress.Finished();
        var ordered = mine.Where(p => failures.ContainsKey(p.Key)).Select(p => failures[p.Key]).ToImmutableArray();
        return new SweepRunResult(simulated, reused, ordered, interrupted);
    }
}
