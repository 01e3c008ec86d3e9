using System.Diagnostics;
using HybridSim.Sweeps;

namespace HybridSim.Robustness.Tests.Sweeps;

/// <summary>
/// Crash and concurrency: the built CLI (<c>dotnet hybridsim.dll</c>) is started as child processes, SIGKILLed at
/// seeded random moments and run several at once into one folder. Afterwards every point file checks out, a rerun
/// completes the table, and the table equals a clean run's byte for byte. Small workload (cnn-digits, 20 points) so
/// the whole class stays well under a minute.
/// </summary>
public sealed class SweepCrashTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "hybridsim.dll");

    private static string[] Grid(string output, params string[] extra) =>
    [
        "sweep", "grid", "--arch", Cli.Arch("hyperx-64-8b.yaml"), "--workload", Cli.Workload("cnn-digits.yaml"),
        "--vary", "adc_bits=5,6,7,8,9", "--vary", "freeze=0,1,2,3", "--out", output, .. extra, .. (extra.Contains("--jobs") ? Array.Empty<string>() : ["--jobs", "2"]),
    ];

    private static Process Start(string workingFolder, string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Dll, .. args])
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private string Clean()
    {
        var clean = _dir.Sub("clean");
        var result = Cli.Invoke(Grid(clean));
        Assert.True(result.Code == 0, result.Err);
        return clean;
    }

    /// <summary>Every file under points/ is a whole point whose checksum and key hold (no torn or corrupted row).</summary>
    private static void AssertEveryPointChecksOut(string output)
    {
        var points = Path.Combine(output, SweepRunner.PointsFolder);
        if (!Directory.Exists(points))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(points).Where(f => !Path.GetFileName(f).Contains(Specs.Output.SafeFile.TempMarker, StringComparison.Ordinal)))
        {
            var read = PointFile.Read(file, Path.GetFileNameWithoutExtension(file), null);
            Assert.True(read.Report is not null, $"{file}: {read.Problem}");
        }
    }

    private static int Count(string output)
    {
        var points = Path.Combine(output, SweepRunner.PointsFolder);
        return Directory.Exists(points) ? Directory.GetFiles(points, "*.json").Length : 0;
    }

    private static void AssertSameResults(string expected, string actual)
    {
        Assert.Equal(File.ReadAllBytes(Path.Combine(expected, "sweep.csv")), File.ReadAllBytes(Path.Combine(actual, "sweep.csv")));
        string[] Names(string folder) => [.. Directory.GetFiles(Path.Combine(folder, SweepRunner.PointsFolder), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(Names(expected), Names(actual));
        Assert.Empty(Directory.GetFiles(Path.Combine(actual, SweepFolderLock.LockFolder), "run-*"));
    }

    [Fact]
    public void Sweeps_killed_at_seeded_random_moments_resume_to_the_clean_table_byte_for_byte()
    {
        var clean = Clean();
        var killed = _dir.Sub("killed");
        var total = Directory.GetFiles(Path.Combine(clean, SweepRunner.PointsFolder), "*.json").Length;
        var random = new Random(15);
        var kills = 0;
        for (var round = 0; round < 4; round++)
        {
            // A seeded random moment, measured in progress: after a few more points have been written.
            var target = Count(killed) + random.Next(1, 5);
            if (target >= total)
            {
                break;
            }

            using var process = Start(_dir.Path, Grid(killed, "--jobs", "1"));
            var clock = Stopwatch.StartNew();
            while (Count(killed) < target && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                Thread.Sleep(2);
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                kills++;
            }

            process.WaitForExit();
            AssertEveryPointChecksOut(killed);
        }

        Assert.True(kills > 0, "every run finished before its kill; the test killed nothing");
        var rerun = Cli.Invoke(Grid(killed));
        Assert.True(rerun.Code == 0, rerun.Err);
        Cli.AssertNoStackTrace(rerun);
        AssertEveryPointChecksOut(killed);
        AssertSameResults(clean, killed);
    }

    [Fact]
    public void Concurrent_runs_of_one_sweep_into_one_folder_one_killed_lose_no_row()
    {
        var clean = Clean();
        var shared = _dir.Sub("shared");
        var random = new Random(42);
        Directory.CreateDirectory(_dir.Sub("elsewhere"));

        // Two shards and the whole sweep at once, from two working folders, into one folder; the whole one is killed.
        using var shard0 = Start(_dir.Path, Grid(shared, "--shard", "0/2"));
        using var shard1 = Start(_dir.Sub("elsewhere"), Grid(shared, "--shard", "1/2"));
        using var whole = Start(_dir.Path, Grid(shared));
        var target = random.Next(2, 12);
        var clock = Stopwatch.StartNew();
        while (Count(shared) < target && !whole.HasExited && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(2);
        }

        if (!whole.HasExited)
        {
            whole.Kill(entireProcessTree: true);
        }

        foreach (var process in new[] { shard0, shard1, whole })
        {
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "a sweep did not finish within 60 s");
        }

        // A shard never fails because another run of the same plan shares its folder.
        Assert.Equal(0, shard0.ExitCode);
        Assert.Equal(0, shard1.ExitCode);
        AssertEveryPointChecksOut(shared);

        var rerun = Cli.Invoke(Grid(shared));
        Assert.True(rerun.Code == 0, rerun.Err);
        Assert.Contains("already finished, reused", rerun.Out, StringComparison.Ordinal);
        AssertSameResults(clean, shared);
    }

    [Fact]
    public void A_sweep_of_another_plan_started_while_one_runs_is_refused_and_the_first_table_is_whole()
    {
        var clean = Clean();
        var shared = _dir.Sub("contended");
        using var first = Start(_dir.Path, Grid(shared));
        var locks = Path.Combine(shared, SweepFolderLock.LockFolder);
        var clock = Stopwatch.StartNew();
        while (!(Directory.Exists(locks) && Directory.GetFiles(locks, "run-*.json").Length > 0) && !first.HasExited && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(5);
        }

        Assert.False(first.HasExited, "the first sweep finished before the second could contend");
        var second = Cli.Invoke("sweep", "freeze", "--arch", Cli.Arch("hyperx-64-8b.yaml"), "--workload", "cnn-digits", "--to", "1", "--out", shared);
        var stillRunning = !first.HasExited;
        Assert.True(first.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, first.ExitCode);
        if (stillRunning)
        {
            // The usual case: the second saw the first's lock.
            Cli.AssertInputError(second, shared, $"pid {first.Id}", "different plan");
            AssertSameResults(clean, shared);
        }
        else
        {
            Assert.True(second.Code is 0 or 1, second.Err);
        }
    }
}
