using HybridSim.Metrics.Reports;
using HybridSim.Specs.Output;

namespace HybridSim.Sweeps.Tests;

public sealed class SweepRunnerTests
{
    private static SweepResultFiles RunSweep(FakeSimulator simulator, SweepPlan plan, string dir, int jobs = 1, ShardSpec? shard = null, CancellationToken token = default)
    {
        var output = new StringWriter();
        var result = new SweepRunner(simulator.Backend(), new ConsoleSweepProgress(output, live: false)).Run(plan, dir, shard ?? ShardSpec.All, jobs, token);
        return new SweepResultFiles(result, output.ToString());
    }

    private static SweepPlan FreezePlan(FakeSimulator simulator, int to = 6) =>
        SweepDefinition.Freeze(["a.yaml", "b.yaml"], "w", [], 0, to).Expand(simulator.Backend());

    [Fact]
    public void Every_point_is_written_to_its_own_file_named_by_its_key()
    {
        using var dir = new TempDirectory();
        var simulator = new FakeSimulator();
        var plan = FreezePlan(simulator);

        var run = RunSweep(simulator, plan, dir.Path, jobs: 2);

        Assert.True(run.Result.Succeeded);
        Assert.Equal(plan.Points.Length, run.Result.Simulated);
        Assert.All(plan.Points, p => Assert.NotNull(SweepRunner.TryReadPoint(dir.Path, p.Key)));
        Assert.Equal(plan.Points.Length, Directory.GetFiles(Path.Combine(dir.Path, "points")).Length);
    }

    [Fact]
    public void Rerun_after_an_interruption_midway_keeps_finished_points_and_computes_only_the_rest()
    {
        using var dir = new TempDirectory();
        using var cancel = new CancellationTokenSource();
        var started = 0;
        var interrupted = new FakeSimulator { BeforeRun = _ => { if (Interlocked.Increment(ref started) == 6) { cancel.Cancel(); } } };
        var plan = FreezePlan(interrupted);

        var first = RunSweep(interrupted, plan, dir.Path, jobs: 1, token: cancel.Token);

        Assert.True(first.Result.Interrupted);
        var kept = plan.Points.Where(p => SweepRunner.TryReadPoint(dir.Path, p.Key) is not null).Select(p => p.Key).ToList();
        Assert.Equal(interrupted.Ran.Order(), kept.Order());
        Assert.InRange(kept.Count, 5, 6);
        var before = kept.ToDictionary(k => k, k => File.GetLastWriteTimeUtc(SweepRunner.PointPath(dir.Path, k)));

        var again = new FakeSimulator();
        var second = RunSweep(again, plan, dir.Path, jobs: 2);

        Assert.True(second.Result.Succeeded);
        Assert.Equal(kept.Count, second.Result.Reused);
        Assert.Equal(plan.Points.Length - kept.Count, again.Ran.Count);
        Assert.Empty(again.Ran.Intersect(kept));
        Assert.All(kept, k => Assert.Equal(before[k], File.GetLastWriteTimeUtc(SweepRunner.PointPath(dir.Path, k))));
    }

    [Fact]
    public void A_failing_point_is_reported_and_the_others_still_run()
    {
        using var dir = new TempDirectory();
        var simulator = new FakeSimulator { FailWhen = p => p.ArchitecturePath == "b.yaml" && p.Partition!.Value == 3 };
        var plan = FreezePlan(simulator);

        var run = RunSweep(simulator, plan, dir.Path, jobs: 2);

        var failure = Assert.Single(run.Result.Failures);
        Assert.Equal("fake failure at b.yaml freeze-3", failure.Error);
        Assert.False(run.Result.Succeeded);
        Assert.Equal(plan.Points.Length - 1, run.Result.Simulated);
        Assert.Contains("FAILED b.yaml freeze-3: fake failure at b.yaml freeze-3", run.Output, StringComparison.Ordinal);

        var errorFile = Path.Combine(dir.Path, "failed", failure.Point.Key + ".txt");
        Assert.Equal("b.yaml freeze-3\nfake failure at b.yaml freeze-3\n", File.ReadAllText(errorFile));

        var retry = new FakeSimulator();
        var second = RunSweep(retry, plan, dir.Path);
        Assert.True(second.Result.Succeeded);
        Assert.Equal([failure.Point.Key], retry.Ran);
        Assert.False(File.Exists(errorFile));
    }

    [Fact]
    public void A_torn_point_file_and_stray_temp_files_do_not_count_as_finished()
    {
        using var dir = new TempDirectory();
        var simulator = new FakeSimulator();
        var plan = FreezePlan(simulator, to: 2);
        RunSweep(simulator, plan, dir.Path);
        var victim = plan.Points[1].Key;
        var path = SweepRunner.PointPath(dir.Path, victim);
        File.WriteAllText(path, File.ReadAllText(path)[..40]);
        File.WriteAllText(path + SafeFile.TempMarker + "123", "{");

        var again = new FakeSimulator();
        RunSweep(again, plan, dir.Path);

        Assert.Equal([victim], again.Ran);
    }

    [Fact]
    public void Tables_are_byte_identical_under_one_and_four_jobs()
    {
        using var dir = new TempDirectory();
        var slow = new FakeSimulator { BeforeRun = p => Thread.Sleep(p.Key[^1] % 3 * 5) };
        var plan = SweepDefinition.Grid(["a.yaml", "b.yaml"], "w", [], [SweepVariable.Parse("scale=1,2,3"), SweepVariable.Parse("freeze=0,2,5,9")], null).Expand(slow.Backend());

        RunSweep(slow, plan, dir.Sub("one"), jobs: 1);
        RunSweep(slow, plan, dir.Sub("four"), jobs: 4);
        var one = SweepOutput.Write(dir.Sub("one"), plan, k => SweepRunner.TryReadPoint(dir.Sub("one"), k));
        var four = SweepOutput.Write(dir.Sub("four"), plan, k => SweepRunner.TryReadPoint(dir.Sub("four"), k));

        Assert.Equal(one.Table.ToCsv(), four.Table.ToCsv());
        Assert.Equal(File.ReadAllText(Path.Combine(dir.Sub("one"), "sweep.svg")), File.ReadAllText(Path.Combine(dir.Sub("four"), "sweep.svg")));
        Assert.Equal(24, one.Table.Rows.Length);
    }

    [Fact]
    public void Shards_run_into_separate_folders_merge_into_the_unsharded_table()
    {
        using var dir = new TempDirectory();
        var simulator = new FakeSimulator();
        var plan = FreezePlan(simulator, to: 4);
        RunSweep(simulator, plan, dir.Sub("whole"));
        var whole = SweepOutput.Write(dir.Sub("whole"), plan, k => SweepRunner.TryReadPoint(dir.Sub("whole"), k));

        var shardRuns = new FakeSimulator();
        for (var i = 0; i < 3; i++)
        {
            RunSweep(shardRuns, plan, dir.Sub($"shard{i}"), shard: new ShardSpec(i, 3));
        }

        var merged = SweepMerge.Merge([dir.Sub("shard0"), dir.Sub("shard1"), dir.Sub("shard2")], dir.Sub("merged"));

        Assert.Equal(plan.Points.Length, shardRuns.Ran.Count);
        Assert.Equal(plan.Points.Length, shardRuns.Ran.Distinct().Count());
        Assert.Empty(merged.MissingRows);
        Assert.Equal(whole.Table.ToCsv(), File.ReadAllText(Path.Combine(dir.Sub("merged"), "sweep.csv")));
        Assert.Equal(plan.Points.Length, Directory.GetFiles(Path.Combine(dir.Sub("merged"), "points")).Length);
    }

    [Fact]
    public void Merge_reports_points_that_no_shard_finished()
    {
        using var dir = new TempDirectory();
        var simulator = new FakeSimulator();
        var plan = FreezePlan(simulator, to: 4);
        RunSweep(simulator, plan, dir.Sub("shard0"), shard: new ShardSpec(0, 2));

        var merged = SweepMerge.Merge([dir.Sub("shard0")], dir.Sub("merged"));

        Assert.Equal(plan.Shard(new ShardSpec(1, 2)).Where(p => p.InTable).Select(p => p.Key), merged.MissingRows.Select(p => p.Key));
    }

    [Fact]
    public void Merge_refuses_folders_of_different_sweeps()
    {
        using var dir = new TempDirectory();
        var simulator = new FakeSimulator();
        RunSweep(simulator, FreezePlan(simulator, to: 2), dir.Sub("x"));
        RunSweep(simulator, FreezePlan(simulator, to: 3), dir.Sub("y"));

        var error = Assert.Throws<Specs.Validation.SpecException>(() => SweepMerge.Merge([dir.Sub("x"), dir.Sub("y")], dir.Sub("out")));
        Assert.Contains("another sweep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_progress_prints_one_line_per_point_with_a_count()
    {
        using var dir = new TempDirectory();
        var simulator = new FakeSimulator();
        var plan = SweepDefinition.Freeze(["a.yaml"], "w", [], 0, 1).Expand(simulator.Backend());

        var run = RunSweep(simulator, plan, dir.Path);

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sweep: 2 points", lines[0]);
        Assert.Matches(@"^\[1/2\] a\.yaml freeze-0 \d+\.\d s$", lines[1]);
        Assert.Matches(@"^\[2/2\] a\.yaml freeze-1 \d+\.\d s$", lines[2]);
        Assert.StartsWith("sweep: 2 of 2 points done, 0 failed", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain("\r", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_progress_redraws_one_line_with_a_bar_and_an_eta()
    {
        var output = new StringWriter();
        var progress = new ConsoleSweepProgress(output, live: true);
        var point = SweepDefinition.Freeze(["a.yaml"], "w", [], 0, 0).Expand(new FakeSimulator().Backend()).Points[0];

        progress.Started(4, 0);
        progress.PointFinished(point, TimeSpan.FromSeconds(1), null);
        progress.PointFinished(point, TimeSpan.FromSeconds(1), null);

        Assert.Contains("\r[###############...............] 2/4 ETA ", output.ToString(), StringComparison.Ordinal);
    }

    private sealed record SweepResultFiles(SweepRunResult Result, string Output);
}
