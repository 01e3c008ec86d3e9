using HybridSim.Specs.Output;

namespace HybridSim.Cli.Tests.Commands;

/// <summary>
/// Output options never replace special files and fail before the expensive work: a pipe (made per test) or a device
/// as the target is exit 1 naming the path, an empty one exit 2. /dev/null and /dev/full are used only once the
/// read-only check has classified them as special, so a failing test cannot replace them.
/// </summary>
public sealed class OutputTargetTests
{
    private static readonly string Arch = CliHarness.Arch("puma.yaml");
    private static readonly string Workload = CliHarness.Workload("mlp-digits.yaml");

    [Fact]
    public void Run_with_a_pipe_as_trace_is_refused_and_the_pipe_is_kept()
    {
        if (!CanMakeFifo())
        {
            return;
        }

        using var dir = new TempDirectory();
        var fifo = MakeFifo(dir, "trace.json");

        var (code, _, err) = CliHarness.Invoke("run", "--arch", Arch, "--workload", Workload, "--trace", fifo);

        Assert.Equal(1, code);
        Assert.Contains($"cannot write {fifo}: not a regular file", err, StringComparison.Ordinal);
        Assert.False(SafeFile.IsRegularFile(fifo));
    }

    [Fact]
    public void Run_with_the_full_device_as_trace_is_exit_1_and_the_device_is_kept()
    {
        if (!IsSpecial("/dev/full"))
        {
            return;
        }

        var (code, _, err) = CliHarness.Invoke("run", "--arch", Arch, "--workload", Workload, "--trace", "/dev/full");

        Assert.Equal(1, code);
        Assert.Contains("cannot write /dev/full: not a regular file", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.True(IsCharacterDevice("/dev/full"));
    }

    [Fact]
    public void Run_with_the_null_device_as_out_folder_is_exit_1_and_the_device_is_kept()
    {
        if (!IsSpecial("/dev/null"))
        {
            return;
        }

        var (code, _, err) = CliHarness.Invoke("run", "--arch", Arch, "--workload", Workload, "--out", "/dev/null");

        Assert.Equal(1, code);
        Assert.Contains("cannot write /dev/null", err, StringComparison.Ordinal);
        Assert.True(IsCharacterDevice("/dev/null"));
    }

    [Fact]
    public void Run_with_a_symlink_as_trace_writes_through_it_and_keeps_the_link()
    {
        using var dir = new TempDirectory();
        var target = dir.File("real.json", "old");
        var link = dir.Sub("link.json");
        File.CreateSymbolicLink(link, target);

        var (code, _, err) = CliHarness.Invoke("run", "--arch", Arch, "--workload", Workload, "--trace", link);

        Assert.True(code == 0, err);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.StartsWith("{\"displayTimeUnit\"", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--trace")]
    public void Run_with_an_empty_output_path_is_a_usage_error(string option)
    {
        var (code, _, err) = CliHarness.Invoke("run", "--arch", Arch, "--workload", Workload, option, "");

        Assert.Equal(2, code);
        Assert.Contains($"{option} must not be empty", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_with_an_out_folder_under_a_file_is_refused_before_simulating()
    {
        using var dir = new TempDirectory();
        var file = dir.File("file", "x");

        // A missing architecture would be reported if the simulation were attempted first.
        var (code, _, err) = CliHarness.Invoke("run", "--arch", dir.Sub("missing.yaml"), "--workload", Workload, "--out", Path.Combine(file, "sub"));

        Assert.Equal(1, code);
        Assert.Contains($"{file} is not a folder", err, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void Sweep_with_a_file_as_out_is_exit_1_and_the_file_is_kept()
    {
        using var dir = new TempDirectory();
        var file = dir.File("table", "keep");

        var (code, _, err) = CliHarness.Invoke("sweep", "freeze", "--arch", Arch, "--workload", Workload, "--to", "1", "--out", file);

        Assert.Equal(1, code);
        Assert.Contains($"cannot write {file}", err, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(file));
    }

    [Fact]
    public void Sweep_with_an_empty_out_is_a_usage_error_and_writes_nothing()
    {
        var (code, _, err) = CliHarness.Invoke("sweep", "freeze", "--arch", Arch, "--workload", Workload, "--to", "1", "--out", "");

        Assert.Equal(2, code);
        Assert.Contains("--out must not be empty", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_with_a_file_as_out_is_exit_1_and_the_file_is_kept()
    {
        using var dir = new TempDirectory();
        var file = dir.File("listing", "keep");

        var (code, _, err) = CliHarness.Invoke("compile", "--arch", Arch, "--workload", Workload, "--out", file);

        Assert.Equal(1, code);
        Assert.Contains($"cannot write {file}", err, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(file));
    }

    [Fact]
    public void Evaluate_with_a_file_as_out_is_refused_before_loading_the_weights()
    {
        using var dir = new TempDirectory();
        var file = dir.File("accuracy", "keep");

        var (code, _, err) = CliHarness.Invoke("evaluate", "--arch", Arch, "--workload", Workload, "--weights", dir.Sub("missing.npz"), "--data", "digits", "--out", file);

        Assert.Equal(1, code);
        Assert.Contains($"cannot write {file}", err, StringComparison.Ordinal);
        Assert.DoesNotContain("missing.npz", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Infer_with_a_pipe_or_the_full_device_as_out_is_refused_before_loading_the_weights()
    {
        if (!CanMakeFifo())
        {
            return;
        }

        using var dir = new TempDirectory();
        var fifo = MakeFifo(dir, "logits.npy");
        var targets = IsSpecial("/dev/full") ? new[] { fifo, "/dev/full" } : [fifo];

        foreach (var target in targets)
        {
            var (code, _, err) = CliHarness.Invoke("infer", "--arch", Arch, "--workload", Workload, "--weights", dir.Sub("missing.npz"), "--data", "digits", "--out", target);

            Assert.Equal(1, code);
            Assert.Contains($"cannot write {target}: not a regular file", err, StringComparison.Ordinal);
            Assert.False(SafeFile.IsRegularFile(target));
        }
    }

    [Fact]
    public void Train_with_a_pipe_or_the_full_device_as_out_is_refused_before_training()
    {
        if (!CanMakeFifo())
        {
            return;
        }

        using var dir = new TempDirectory();
        var fifo = MakeFifo(dir, "weights.npz");
        var targets = IsSpecial("/dev/full") ? new[] { fifo, "/dev/full" } : [fifo];

        foreach (var target in targets)
        {
            var (code, output, err) = CliHarness.Invoke("train", "--workload", Workload, "--data", "digits", "--epochs", "50", "--out", target);

            Assert.Equal(1, code);
            Assert.Contains($"cannot write {target}: not a regular file", err, StringComparison.Ordinal);
            Assert.DoesNotContain("training", output, StringComparison.Ordinal);
            Assert.False(SafeFile.IsRegularFile(target));
        }
    }

    [Fact]
    public void Train_with_an_empty_out_is_a_usage_error()
    {
        var (code, _, _) = CliHarness.Invoke("train", "--workload", Workload, "--data", "digits", "--out", "");

        Assert.Equal(2, code);
    }

    private static bool IsSpecial(string path) => OperatingSystem.IsLinux() && File.Exists(path) && !SafeFile.IsRegularFile(path);

    private static bool IsCharacterDevice(string path)
    {
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%F", path]) { RedirectStandardOutput = true })!;
        var kind = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return kind == "character special file";
    }

    private static bool CanMakeFifo() => OperatingSystem.IsLinux() && File.Exists("/usr/bin/mkfifo");

    private static string MakeFifo(TempDirectory dir, string name)
    {
        var fifo = dir.Sub(name);
        using var mkfifo = System.Diagnostics.Process.Start("/usr/bin/mkfifo", [fifo]);
        mkfifo.WaitForExit();
        return fifo;
    }
}
