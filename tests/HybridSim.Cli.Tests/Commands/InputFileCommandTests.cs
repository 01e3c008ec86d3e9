namespace HybridSim.Cli.Tests.Commands;

/// <summary>
/// Devices and FIFOs as input files are exit 1 naming the file, at once and at no cost: every verb reads its inputs
/// through one bounded reader that refuses non-regular files (issue 15, section 2).
/// </summary>
public sealed class InputFileCommandTests
{
    private const long AllocationBound = 256L * 1024 * 1024;

    private static readonly string Arch = CliHarness.Arch("puma.yaml");
    private static readonly string Workload = CliHarness.Workload("mlp-digits.yaml");

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void Validate_with_an_endless_device_as_arch_is_exit_1(string device)
    {
        if (!IsDevice(device))
        {
            return;
        }

        var before = GC.GetTotalAllocatedBytes();
        var (code, _, err) = CliHarness.Invoke("validate", "--arch", device);

        Assert.Equal(1, code);
        Assert.Contains($"error: {device}: : not a regular file (a device, pipe or socket); expected a YAML file", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.True(GC.GetTotalAllocatedBytes() - before < AllocationBound);
    }

    [Fact]
    public void Run_with_an_endless_device_as_workload_is_exit_1()
    {
        if (!IsDevice("/dev/zero"))
        {
            return;
        }

        var (code, _, err) = CliHarness.Invoke("run", "--arch", Arch, "--workload", "/dev/zero");

        Assert.Equal(1, code);
        Assert.Contains("/dev/zero: : not a regular file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_with_an_endless_device_as_arch_or_workload_is_exit_1_before_any_point()
    {
        if (!IsDevice("/dev/zero"))
        {
            return;
        }

        using var dir = new TempDirectory();
        var before = GC.GetTotalAllocatedBytes();
        var (archCode, _, archErr) = CliHarness.Invoke("sweep", "rank", "--arch", "/dev/zero", "--workload", Workload, "--ranks", "0,1", "--out", dir.Sub("a"));
        var (workCode, _, workErr) = CliHarness.Invoke("sweep", "rank", "--arch", Arch, "--workload", "/dev/urandom", "--ranks", "0,1", "--out", dir.Sub("w"));

        Assert.Equal((1, 1), (archCode, workCode));
        Assert.Contains("/dev/zero: --arch: not a regular file", archErr, StringComparison.Ordinal);
        Assert.Contains("/dev/urandom: --workload: not a regular file", workErr, StringComparison.Ordinal);
        Assert.True(GC.GetTotalAllocatedBytes() - before < AllocationBound);
        Assert.False(Directory.Exists(Path.Combine(dir.Sub("a"), "points")));
    }

    [Fact]
    public async Task Validate_with_a_fifo_as_arch_is_exit_1_instead_of_blocking()
    {
        if (!CanMakeFifo())
        {
            return;
        }

        using var dir = new TempDirectory();
        var fifo = MakeFifo(dir, "arch.yaml");
        var (code, _, err) = await InvokeWithinAsync(fifo, "validate", "--arch", fifo);
        Assert.Equal(1, code);
        Assert.Contains($"{fifo}: : not a regular file", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plot_with_a_fifo_as_table_is_exit_1_instead_of_blocking()
    {
        if (!CanMakeFifo())
        {
            return;
        }

        using var dir = new TempDirectory();
        var fifo = MakeFifo(dir, "sweep.csv");
        var (code, _, err) = await InvokeWithinAsync(fifo, "plot", fifo, "--out", dir.Sub("plot.svg"));
        Assert.Equal(1, code);
        Assert.Contains($"{fifo}: : not a regular file (a device, pipe or socket); expected a CSV table", err, StringComparison.Ordinal);
    }

    /// <summary>
    /// Invokes the command line on another thread and requires it to finish within seconds. Should it block on the
    /// FIFO (the bug), the FIFO is opened for writing to release it, so the test fails instead of hanging.
    /// </summary>
    private static async Task<(int Code, string Out, string Err)> InvokeWithinAsync(string fifo, params string[] args)
    {
        var run = Task.Run(() => CliHarness.Invoke(args));
        if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20))) != run)
        {
            await using (new FileStream(fifo, FileMode.Open, FileAccess.Write))
            {
            }

            await run;
            Assert.Fail($"hybridsim {args[0]} blocked on the FIFO {fifo}");
        }

        return await run;
    }

    private static bool IsDevice(string path) => OperatingSystem.IsLinux() && File.Exists(path);

    private static bool CanMakeFifo() => OperatingSystem.IsLinux() && File.Exists("/usr/bin/mkfifo");

    private static string MakeFifo(TempDirectory dir, string name)
    {
        var fifo = dir.Sub(name);
        using var mkfifo = System.Diagnostics.Process.Start("/usr/bin/mkfifo", [fifo]);
        mkfifo.WaitForExit();
        return fifo;
    }
}
