using System.Diagnostics;
using HybridSim.Sweeps;

namespace HybridSim.Robustness.Tests.Sweeps;

/// <summary>
/// Issue 15's sweep cases, through the CLI: a folder held by another sweep, stale locks, edited point files, the same
/// sweep named another way, plans too large to run unasked, bad sweep options, a point that cannot be written, and the
/// up-front checks of merge and plot. Each asserts the exit code, that the message names the file or option, and that
/// no stack trace appears.
/// </summary>
public sealed class SweepIntegrityTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Arch => Cli.Arch("hyperx-64-8b.yaml");

    private static string[] Freeze(string output, string? arch = null, string? workload = null) =>
        ["sweep", "freeze", "--arch", arch ?? Arch, "--workload", workload ?? Cli.Workload("mlp-digits.yaml"), "--jobs", "2", "--out", output];

    private static (int Code, string Out, string Err) Ok(string[] args)
    {
        var result = Cli.Invoke(args);
        Assert.True(result.Code == 0, $"exit {result.Code}: {result.Err}");
        return result;
    }

    private static string[] PointFiles(string output) =>
        [.. Directory.GetFiles(Path.Combine(output, SweepRunner.PointsFolder)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static string[] ErrorLines(string err) => err.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void A_second_sweep_of_another_plan_into_a_held_folder_is_refused_naming_the_holders_pid()
    {
        var output = _dir.Sub("held");
        Directory.CreateDirectory(output);
        using (SweepFolderLock.Acquire(output, "another-plan", "0/1", "hybridsim sweep freeze --to 8 (the first sweep)"))
        {
            var result = Cli.Invoke(Freeze(output));

            Cli.AssertInputError(result, output, "--out", $"pid {Environment.ProcessId}", "different plan", "the first sweep");
            Assert.False(File.Exists(Path.Combine(output, "sweep.csv")));
            Assert.False(File.Exists(Path.Combine(output, "manifest.json")));
        }

        // Once the first has left, the same command runs.
        Ok(Freeze(output));
    }

    [Fact]
    public void A_stale_lock_whose_process_is_gone_does_not_block_the_next_run_and_is_reported()
    {
        var output = _dir.Sub("stale");
        var locks = Path.Combine(output, SweepFolderLock.LockFolder);
        Directory.CreateDirectory(locks);
        // What a SIGKILLed sweep leaves: its lock file (no longer locked by anyone) and its description.
        File.WriteAllText(Path.Combine(locks, "run-999999-dead.lock"), "");
        File.WriteAllText(Path.Combine(locks, "run-999999-dead.json"),
            "{\"pid\": 999999, \"host\": \"h\", \"process_started_utc\": \"2026-01-01T00:00:00Z\", \"plan_sha256\": \"other\", \"shard\": \"0/1\", \"command\": \"killed\"}\n");

        var result = Ok(Freeze(output));

        Assert.Contains("removed a stale lock", result.Err, StringComparison.Ordinal);
        Assert.Contains("pid 999999", result.Err, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(locks, "run-*"));
    }

    [Fact]
    public void An_edited_point_file_is_computed_again_and_the_sweep_names_it()
    {
        var output = _dir.Sub("edited");
        Ok(Freeze(output));
        var table = File.ReadAllBytes(Path.Combine(output, "sweep.csv"));
        var victim = Directory.GetFiles(Path.Combine(output, SweepRunner.PointsFolder), "freeze-2-*.json").Single();
        var text = File.ReadAllText(victim);
        var edited = System.Text.RegularExpressions.Regex.Replace(text, "\"cycles\": [0-9]+", "\"cycles\": 1");
        Assert.NotEqual(text, edited);
        File.WriteAllText(victim, edited);

        var result = Ok(Freeze(output));

        Assert.Contains(victim, result.Err, StringComparison.Ordinal);
        Assert.Contains("checksum mismatch", result.Err, StringComparison.Ordinal);
        Assert.Contains("1 point file(s) did not check out", result.Err, StringComparison.Ordinal);
        Assert.Equal(table, File.ReadAllBytes(Path.Combine(output, "sweep.csv")));
        Assert.NotNull(PointFile.Read(victim, Path.GetFileNameWithoutExtension(victim), null).Report);
        Assert.DoesNotContain("\"cycles\": 1,", File.ReadAllText(victim), StringComparison.Ordinal);
        Cli.AssertNoStackTrace(result);
    }

    [Fact]
    public void A_point_file_whose_key_does_not_match_its_inputs_is_not_trusted()
    {
        var output = _dir.Sub("moved");
        Ok(Freeze(output));
        var points = Path.Combine(output, SweepRunner.PointsFolder);
        var one = Directory.GetFiles(points, "freeze-1-*.json").Single();
        var two = Directory.GetFiles(points, "freeze-2-*.json").Single();
        // A well-formed point copied under another point's name: its checksum holds, its key does not.
        File.Copy(one, two, overwrite: true);

        var result = Ok(Freeze(output));

        Assert.Contains(two, result.Err, StringComparison.Ordinal);
        Assert.Contains("does not match its file name or inputs", result.Err, StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(one), File.ReadAllText(two));
    }

    [Fact]
    public void The_same_sweep_named_another_way_reuses_every_point_and_leaves_no_duplicates()
    {
        var output = _dir.Sub("spelling");
        var first = Ok(Freeze(output));
        var files = PointFiles(output);
        var table = File.ReadAllBytes(Path.Combine(output, "sweep.csv"));

        // A relative architecture path (from the test's working folder) and the workload's bare name.
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Arch);
        Assert.NotEqual(Arch, relative);
        var second = Ok(Freeze(output, relative, "mlp-digits"));

        Assert.Contains($"({files.Length} already finished, reused)", second.Out, StringComparison.Ordinal);
        Assert.Equal(files, PointFiles(output));
        Assert.Equal(table, File.ReadAllBytes(Path.Combine(output, "sweep.csv")));
        Assert.DoesNotContain("reused", first.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vary_of_ten_thousand_values_asks_for_yes_or_shards_within_seconds()
    {
        var values = string.Join(",", Enumerable.Range(1, 10_000));
        var clock = Stopwatch.StartNew();
        var result = Cli.Invoke("sweep", "grid", "--arch", Arch, "--workload", "mlp-digits", "--vary", "adc_bits=" + values, "--out", _dir.Sub("big"));
        clock.Stop();

        Assert.Equal(2, result.Code);
        var line = Assert.Single(ErrorLines(result.Err));
        Assert.Contains("--yes", line, StringComparison.Ordinal);
        Assert.Contains("--shard", line, StringComparison.Ordinal);
        Assert.Contains("20,000 points", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Sub("big")));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Cli.AssertNoStackTrace(result);
    }

    [Fact]
    public void A_grid_of_millions_of_points_is_refused_before_planning()
    {
        string Values(int n) => string.Join(",", Enumerable.Range(1, n));
        var clock = Stopwatch.StartNew();
        var result = Cli.Invoke("sweep", "grid", "--arch", Arch, "--workload", "mlp-digits", "--vary", "adc_bits=" + Values(200),
            "--vary", "xbar=" + Values(200), "--vary", "input_bits=" + Values(80), "--yes", "--out", _dir.Sub("huge"));
        clock.Stop();

        Assert.Equal(2, result.Code);
        var line = Assert.Single(ErrorLines(result.Err));
        Assert.Contains("more than 1,000,000 points", line, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Cli.AssertNoStackTrace(result);
    }

    [Fact]
    public void A_shard_whose_share_is_under_the_limit_runs_without_yes()
    {
        var values = string.Join(",", Enumerable.Range(1, 6_000));
        var definition = SweepDefinition.Grid([Arch], "mlp-digits", [], [SweepVariable.Parse("adc_bits=" + values)], null);

        var refused = Assert.Throws<Specs.Validation.SpecException>(() => definition.CheckSize(ShardSpec.All, confirmed: false));
        Assert.Contains("12,000 points", refused.Message, StringComparison.Ordinal);
        definition.CheckSize(ShardSpec.Parse("0/2"), confirmed: false);
        definition.CheckSize(ShardSpec.All, confirmed: true);
    }

    [Fact]
    public void Freeze_to_beyond_the_workloads_layers_is_one_usage_error()
    {
        var result = Cli.Invoke("sweep", "freeze", "--arch", Arch, "--workload", "mlp-digits", "--to", "999", "--out", _dir.Sub("to"));

        Assert.Equal(2, result.Code);
        var line = Assert.Single(ErrorLines(result.Err));
        Assert.Contains("--to", line, StringComparison.Ordinal);
        Assert.Contains("3 weight layers", line, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", result.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Sub("to")));
        Cli.AssertNoStackTrace(result);
    }

    [Theory]
    [InlineData("bogus=1,2", "'bogus'")]
    [InlineData("adc_bit=6,7", "adc_bits")]
    public void An_unknown_vary_key_is_one_error_up_front_naming_the_option(string vary, string expected)
    {
        var result = Cli.Invoke("sweep", "grid", "--arch", Arch, "--workload", "mlp-digits", "--vary", vary, "--out", _dir.Sub("vary"));

        Cli.AssertInputError(result, "--vary", expected);
        var line = Assert.Single(ErrorLines(result.Err));
        Assert.DoesNotContain("--set:1:1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", result.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir.Sub("vary"), SweepRunner.PointsFolder)));
    }

    [Fact]
    public void A_point_that_cannot_be_written_is_exit_1_naming_the_file_and_the_finished_points_are_kept()
    {
        var output = _dir.Sub("unwritable");
        Ok(Freeze(output));
        var points = Path.Combine(output, SweepRunner.PointsFolder);
        var victim = Directory.GetFiles(points, "freeze-2-*.json").Single();
        var kept = Directory.GetFiles(points).Where(f => f != victim).ToDictionary(f => f, File.ReadAllBytes);
        // A folder where the point's file must go fails its write the way a full disk does: after the simulation.
        File.Delete(victim);
        Directory.CreateDirectory(victim);

        var result = Cli.Invoke(Freeze(output));

        Cli.AssertInputError(result, $"cannot write {victim}", "finished point(s) are kept");
        Assert.All(kept, pair => Assert.Equal(pair.Value, File.ReadAllBytes(pair.Key)));
        Assert.Empty(Directory.GetFiles(points, "*" + Specs.Output.SafeFile.TempMarker + "*"));

        Directory.Delete(victim);
        Ok(Freeze(output));
    }

    [Fact]
    public void Merge_checks_its_folders_and_its_output_before_writing_anything()
    {
        var missing = _dir.Sub("no-such-shard");
        var result = Cli.Invoke("merge", missing, "--out", _dir.Sub("merged"));
        Cli.AssertInputError(result, missing, "no such folder");
        Assert.False(Directory.Exists(_dir.Sub("merged")));

        var shard = _dir.Sub("shard");
        Ok(Freeze(shard));
        var file = _dir.File("a-file", "x");
        result = Cli.Invoke("merge", shard, "--out", Path.Combine(file, "sub"));
        Cli.AssertInputError(result, "--out", "cannot write", file);

        result = Cli.Invoke("merge", shard, "--out", "");
        Assert.Equal(2, result.Code);
        Assert.Contains("--out must not be empty", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_checks_its_tables_and_its_outputs_before_drawing()
    {
        var missing = _dir.Sub("missing.csv");
        Cli.AssertInputError(Cli.Invoke("plot", missing, "--out", _dir.Sub("fig.svg")), missing, "file not found");

        var shard = _dir.Sub("table");
        Ok(Freeze(shard));
        var table = Path.Combine(shard, "sweep.csv");
        Cli.AssertInputError(Cli.Invoke("plot", table, "--out", "/dev/full"), "/dev/full", "--out", "not a regular file");
        var folder = Path.Combine(_dir.Path, "a-folder.svg");
        Directory.CreateDirectory(folder);
        var breakdown = _dir.Sub("breakdown.svg");
        Cli.AssertInputError(Cli.Invoke("plot", table, "--out", _dir.Sub("ok.svg"), "--breakdown", folder), folder, "--breakdown");
        Assert.False(File.Exists(_dir.Sub("ok.svg")));
        Assert.False(File.Exists(breakdown));
    }
}
