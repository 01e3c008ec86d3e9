using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HybridSim.Specs.Output;
using HybridSim.Specs.Validation;

namespace HybridSim.Sweeps;

/// <summary>
/// The lock of a sweep folder, in <c>DIR/.lock/</c>. Every run (sweep, shard or merge) holds
/// <c>run-&lt;pid&gt;-&lt;id&gt;.lock</c> with an exclusive OS lock (flock on Unix) for as long as it works in the folder,
/// and describes itself in <c>run-&lt;pid&gt;-&lt;id&gt;.json</c> (process id, host, process start, plan digest, shard,
/// command). Runs of the same plan (shards into one shared folder, or the same command twice) work side by side and
/// claim points (<c>point-&lt;key&gt;.lock</c>) so that no point is computed twice at once; a run of another plan is
/// refused with the holder's pid. The kernel drops a lock when its process dies, even by SIGKILL, so a lock whose file
/// can be locked again is stale: it is removed and the next run goes on. <c>folder.lock</c> is held only for the short
/// moments of joining and leaving.
/// </summary>
public sealed class SweepFolderLock : IDisposable
{
    public const string LockFolder = ".lock";
    private const string MutexFile = "folder.lock";
    private const string RunPrefix = "run-";
    private const string PointPrefix = "point-";

    /// <summary>How long a run waits for <c>folder.lock</c> (held only for milliseconds by a live run) before giving up.</summary>
    public static readonly TimeSpan MutexWait = TimeSpan.FromSeconds(60);

    private readonly string _folder;
    private readonly string _directory;
    private readonly FileStream _run;
    private readonly string _runLock;
    private readonly string _runInfo;
    private bool _disposed;

    private SweepFolderLock(string directory, string folder, FileStream run, string runLock, string runInfo, ImmutableArray<Holder> joined, ImmutableArray<Holder> stale)
    {
        _directory = directory;
        _folder = folder;
        _run = run;
        _runLock = runLock;
        _runInfo = runInfo;
        Joined = joined;
        RemovedStale = stale;
    }

    /// <summary>Live runs of the same plan found when this one joined.</summary>
    public ImmutableArray<Holder> Joined { get; }

    /// <summary>Locks of processes that are gone, removed when this run joined.</summary>
    public ImmutableArray<Holder> RemovedStale { get; }

    /// <summary>A run working in a folder, as its <c>run-*.json</c> describes it.</summary>
    public sealed record Holder(int Pid, string Host, string ProcessStarted, string Plan, string Shard, string Command)
    {
        public string Describe() => $"pid {Pid.ToString(CultureInfo.InvariantCulture)} on {Host}, started {ProcessStarted}, shard {Shard}: {Command}";
    }

    /// <summary>
    /// Joins the folder for a run of the plan with digest <paramref name="plan"/>; <paramref name="underMutex"/> runs while
    /// no other run can join or leave (e.g. to write the manifest).
    /// </summary>
    /// <exception cref="SpecException">A live run of another plan holds the folder (the message names its pid), or the folder cannot be written.</exception>
    public static SweepFolderLock Acquire(string directory, string plan, string shard, string command, Action? underMutex = null)
    {
        var folder = Path.Combine(directory, LockFolder);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpecException(new SpecError(folder, 0, 0, "--out", $"cannot create the sweep's lock folder: {e.Message}"));
        }

        using var mutex = TakeMutex(directory, folder);
        var live = new List<Holder>();
        var stale = new List<Holder>();
        foreach (var lockFile in Directory.GetFiles(folder, RunPrefix + "*.lock").Order(StringComparer.Ordinal))
        {
            var info = Path.ChangeExtension(lockFile, ".json");
            var holder = ReadHolder(info);
            var probe = TryLock(lockFile, create: false);
            if (probe is null)
            {
                live.Add(holder ?? new Holder(PidOf(lockFile), "?", "?", "?", "?", "(no description)"));
                continue;
            }

            // Nobody holds it: its process is gone (the kernel released the lock). Remove it while we hold it.
            stale.Add(holder ?? new Holder(PidOf(lockFile), "?", "?", "?", "?", "(no description)"));
            TryDelete(info);
            TryDelete(lockFile);
            probe.Dispose();
        }

        var other = live.FirstOrDefault(h => h.Plan != plan);
        if (other is not null)
        {
            throw new SpecException(new SpecError(directory, 0, 0, "--out",
                $"in use by another sweep with a different plan ({other.Describe()}); wait for it to finish (then rerun), or give another --out"));
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"{RunPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        var runLock = Path.Combine(folder, id + ".lock");
        var runInfo = Path.Combine(folder, id + ".json");
        var run = TryLock(runLock, create: true)
            ?? throw new SpecException(new SpecError(runLock, 0, 0, "--out", "cannot lock a new file (does the file system support locks?)"));
        try
        {
            var self = new Holder(Environment.ProcessId, Environment.MachineName, ProcessStart(), plan, shard, command);
            SafeFile.WriteAllText(runInfo, WriteHolder(self), flushToDisk: false, field: "--out");
            underMutex?.Invoke();
        }
        catch
        {
            run.Dispose();
            TryDelete(runInfo);
            TryDelete(runLock);
            throw;
        }

        return new SweepFolderLock(directory, folder, run, runLock, runInfo, [.. live], [.. stale]);
    }

    /// <summary>Claims a point for this process: null when another live run is computing it. Dispose the claim when done.</summary>
    public PointClaim? TryClaim(string key)
    {
        var path = Path.Combine(_folder, PointPrefix + key + ".lock");
        var stream = TryLock(path, create: true);
        return stream is null ? null : new PointClaim(stream, path);
    }

    /// <summary>A point claimed by this process (its lock file is removed on release; whoever claims next checks the point file first).</summary>
    public sealed class PointClaim(FileStream stream, string path) : IDisposable
    {
        public void Dispose()
        {
            TryDelete(path);
            stream.Dispose();
        }
    }

    /// <summary>Leaves the folder: removes this run's files; the last run out also removes claims of killed runs.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            using var mutex = TakeMutex(_directory, _folder);
            TryDelete(_runInfo);
            TryDelete(_runLock);
            _run.Dispose();
            var othersLive = Directory.GetFiles(_folder, RunPrefix + "*.lock").Any(f =>
            {
                using var probe = TryLock(f, create: false);
                return probe is null;
            });
            if (!othersLive)
            {
                foreach (var claim in Directory.GetFiles(_folder, PointPrefix + "*.lock"))
                {
                    using var probe = TryLock(claim, create: false);
                    if (probe is not null)
                    {
                        TryDelete(claim);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SpecException)
        {
            // Best effort: our OS lock is released with the file handle anyway, so what is left is stale and removed by the next run.
            _run.Dispose();
        }
    }

    private static FileStream TakeMutex(string directory, string folder)
    {
        var path = Path.Combine(folder, MutexFile);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var stream = TryLock(path, create: true);
            if (stream is not null)
            {
                return stream;
            }

            if (clock.Elapsed > MutexWait)
            {
                throw new SpecException(new SpecError(path, 0, 0, "--out",
                    $"{directory} has been locked by another live hybridsim process for over {MutexWait.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; see {folder}/run-*.json"));
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>An exclusive lock on <paramref name="path"/>, or null when another process holds one (or, without create, the file is gone).</summary>
    private static FileStream? TryLock(string path, bool create)
    {
        try
        {
            // FileShare.None is an exclusive advisory lock (flock LOCK_EX|LOCK_NB) on Unix and a sharing lock on Windows.
            return new FileStream(path, create ? FileMode.OpenOrCreate : FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SpecException(new SpecError(path, 0, 0, "--out", $"cannot open the lock file: {e.Message}"));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string ProcessStart()
    {
        try
        {
            using var self = Process.GetCurrentProcess();
            return self.StartTime.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }
    }

    private static int PidOf(string lockFile)
    {
        var name = Path.GetFileNameWithoutExtension(lockFile)[RunPrefix.Length..];
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return int.TryParse(dash < 0 ? name : name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0;
    }

    private static string WriteHolder(Holder h)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteNumber("pid", h.Pid);
            w.WriteString("host", h.Host);
            w.WriteString("process_started_utc", h.ProcessStarted);
            w.WriteString("plan_sha256", h.Plan);
            w.WriteString("shard", h.Shard);
            w.WriteString("command", h.Command);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static Holder? ReadHolder(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(Specs.Input.InputFile.ReadAllText(path, 1 << 16));
            var r = document.RootElement;
            return new Holder(r.GetProperty("pid").GetInt32(), r.GetProperty("host").GetString()!, r.GetProperty("process_started_utc").GetString()!,
                r.GetProperty("plan_sha256").GetString()!, r.GetProperty("shard").GetString()!, r.GetProperty("command").GetString()!);
        }
        catch (Exception e) when (e is SpecException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
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
