using HybridSim.Specs.Output;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Validation;

namespace HybridSim.Sweeps;

/// <summary>
/// Runs a plan's points in parallel, each its own simulation, and writes each point atomically to
/// <c>DIR/points/&lt;key&gt;.json</c> (see <see cref="PointFile"/>) as soon as it finishes. Points whose file exists and
/// checks out are skipped, so a rerun after Ctrl-C or a crash continues where it stopped; a file that does not check out
/// (edited, torn, older format) is recomputed and listed in <see cref="SweepRunResult.Recomputed"/>. A failing point
/// does not stop the others; a point that cannot be written (disk full) stops the sweep, keeping the finished points.
/// The folder is held with a <see cref="SweepFolderLock"/> for the whole run.
/// </summary>
public sealed class SweepRunner(SweepBackend backend, ISweepProgress progress)
{
    public const string PointsFolder = "points";

    /// <summary>Full error text (stack trace included for bugs) of each failed point, removed when the point later succeeds.</summary>
    public const string FailedFolder = "failed";

    /// <summary>Recovered weights of each point of an accuracy sweep with <c>--recover</c>: <c>recovered/&lt;key&gt;/instance-K.npz</c>.</summary>
    public const string RecoveredFolder = "recovered";

    private readonly SweepBackend _backend = backend.Cached();

    public static string PointPath(string directory, string key) => Path.Combine(directory, PointsFolder, key + ".json");

    /// <summary>Reads a finished point that checks out by itself (format, checksum, key), or null when it is absent or does not.</summary>
    public static RunReport? TryReadPoint(string directory, string key) => PointFile.Read(PointPath(directory, key), key, null).Report;

    /// <summary>The SHA-256 of a plan's manifest: runs of the same plan may share a folder.</summary>
    public static string PlanDigest(SweepPlan plan) => PointInputs.Hex(SweepManifest.Write(plan));

    /// <summary>Runs the points of <paramref name="shard"/>, holding the folder's lock (taken here unless <paramref name="held"/> is given).</summary>
    public SweepRunResult Run(SweepPlan plan, string directory, ShardSpec shard, int jobs, CancellationToken cancellation = default) =>
        Run(plan, directory, shard, jobs, null, cancellation);

    /// <inheritdoc cref="Run(SweepPlan, string, ShardSpec, int, CancellationToken)"/>
    public SweepRunResult Run(SweepPlan plan, string directory, ShardSpec shard, int jobs, SweepFolderLock? held, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        var folderLock = held ?? Join(plan, directory, shard, "sweep");
        try
        {
            return RunLocked(plan, directory, shard, jobs, folderLock, cancellation);
        }
        finally
        {
            if (held is null)
            {
                folderLock.Dispose();
            }
        }
    }

    /// <summary>Creates the folder, joins its lock and writes the manifest.</summary>
    /// <exception cref="SpecException">Another plan's sweep is running there, or the folder cannot be written.</exception>
    public static SweepFolderLock Join(SweepPlan plan, string directory, ShardSpec shard, string command)
    {
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, PointsFolder));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpecException(new SpecError(directory, 0, 0, "--out", $"cannot create {Path.Combine(directory, PointsFolder)}: {e.Message}"));
        }

        return SweepFolderLock.Acquire(directory, PlanDigest(plan), shard.ToString(), command, () => SweepManifest.WriteFile(directory, plan));
    }

    private SweepRunResult RunLocked(SweepPlan plan, string directory, ShardSpec shard, int jobs, SweepFolderLock folderLock, CancellationToken cancellation)
    {
        var mine = plan.Shard(shard);
        var inputs = mine.ToDictionary(p => p.Key, p => PointKey.Inputs(_backend, p), StringComparer.Ordinal);
        var recomputed = new ConcurrentBag<(string Key, string Problem)>();
        bool Finished(SweepPoint point, bool note)
        {
            var read = PointFile.Read(PointPath(directory, point.Key), point.Key, inputs[point.Key]);
            if (note && read.Problem is not null)
            {
                recomputed.Add((point.Key, read.Problem));
            }

            return read.Report is not null;
        }

        var pending = mine.Where(p => !Finished(p, note: true)).ToList();
        var reused = mine.Length - pending.Count;
        progress.Started(mine.Length, reused);
        var failures = new ConcurrentDictionary<string, PointFailure>(StringComparer.Ordinal);
        var simulated = 0;
        var joinedReused = 0;
        var interrupted = false;
        SpecException? writeFailure = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);

        // Computes a point claimed by this process; false when it was finished meanwhile by another run.
        void Compute(SweepPoint point)
        {
            var clock = Stopwatch.StartNew();
            RunReport report;
            try
            {
                report = _backend.RunPoint(point);
                if (_backend.MeasureAccuracy is { } accuracy)
                {
                    // Both halves in one file, written once: a point is finished only when both are.
                    var metrics = accuracy(point, Path.Combine(directory, RecoveredFolder, point.Key));
                    report = report with { Extra = report.Extra.SetItems(metrics) };
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var message = e is SpecException or ArgumentException or InvalidOperationException or IOException
                    ? e.Message
                    : e.ToString();
                failures[point.Key] = new PointFailure(point, message);
                TryWrite(Path.Combine(directory, FailedFolder, point.Key + ".txt"), point.Label + "\n" + message + "\n");
                progress.PointFinished(point, clock.Elapsed, message);
                return;
            }

            try
            {
                PointFile.WriteFile(PointPath(directory, point.Key), point.Key, inputs[point.Key], report);
            }
            catch (SpecException e)
            {
                // The disk is full or the folder went away: every later point would fail the same way. Stop, keep what is done.
                Interlocked.CompareExchange(ref writeFailure, e, null);
                stop.Cancel();
                return;
            }

            var stale = Path.Combine(directory, FailedFolder, point.Key + ".txt");
            if (File.Exists(stale))
            {
                TryDelete(stale);
            }

            Interlocked.Increment(ref simulated);
            progress.PointFinished(point, clock.Elapsed, null);
        }

        var deferred = new ConcurrentQueue<SweepPoint>();
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = stop.Token };

            // NoBuffering: workers take points one at a time, in plan order, so cores stay busy until the end.
            Parallel.ForEach(Partitioner.Create(pending, EnumerablePartitionerOptions.NoBuffering), options, point =>
            {
                using var claim = folderLock.TryClaim(point.Key);
                if (claim is null)
                {
                    // Another run of this plan is computing it: come back to it at the end.
                    deferred.Enqueue(point);
                    return;
                }

                if (Finished(point, note: false))
                {
                    Interlocked.Increment(ref joinedReused);
                    progress.PointFinished(point, TimeSpan.Zero, null);
                    return;
                }

                Compute(point);
            });

            // Points another run claimed: wait for its result, or compute them when it is gone without one.
            Parallel.ForEach(deferred.OrderBy(p => mine.IndexOf(p)).ToList(), options, point =>
            {
                while (true)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    using var claim = folderLock.TryClaim(point.Key);
                    if (claim is null)
                    {
                        Thread.Sleep(50);
                        continue;
                    }

                    if (Finished(point, note: false))
                    {
                        Interlocked.Increment(ref joinedReused);
                        progress.PointFinished(point, TimeSpan.Zero, null);
                    }
                    else
                    {
                        Compute(point);
                    }

                    return;
                }
            });
        }
        catch (OperationCanceledException)
        {
            interrupted = writeFailure is null;
        }

        progress.Finished();
        var ordered = mine.Where(p => failures.ContainsKey(p.Key)).Select(p => failures[p.Key]).ToImmutableArray();
        var problems = recomputed.ToDictionary(r => r.Key, r => r.Problem, StringComparer.Ordinal);
        return new SweepRunResult(simulated, reused, ordered, interrupted)
        {
            Recomputed = [.. mine.Where(p => problems.ContainsKey(p.Key)).Select(p => new RecomputedPoint(p, PointPath(directory, p.Key), problems[p.Key]))],
            ReusedFromOtherRuns = joinedReused,
            WriteFailure = writeFailure,
        };
    }

    private static void TryWrite(string path, string text)
    {
        try
        {
            SafeFile.WriteAllText(path, text);
        }
        catch (SpecException)
        {
            // The failure is reported on the console anyway; its file is a convenience.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
