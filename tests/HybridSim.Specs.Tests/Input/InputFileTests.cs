using HybridSim.Specs.Architecture;
using HybridSim.Specs.Input;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Tests.Input;

/// <summary>
/// Every input file is read through one bounded reader: devices that never end (/dev/zero, /dev/urandom) stop at the
/// 8 MiB cap at no real cost, and FIFOs, devices and sockets are refused before they are opened (a FIFO would block).
/// </summary>
public sealed class InputFileTests
{
    /// <summary>Loosely: a bounded read of 8 MiB allocates tens of MiB at most, an unbounded one gigabytes.</summary>
    private const long AllocationBound = 256L * 1024 * 1024;

    [Fact]
    public void A_regular_file_is_read_whole()
    {
        using var dir = new TempDirectory();
        var file = dir.File("a.yaml", "name: x\n");

        Assert.Equal("name: x\n", InputFile.ReadAllText(file));
    }

    [Fact]
    public void A_file_over_the_cap_is_refused_naming_the_cap()
    {
        using var dir = new TempDirectory();
        var file = dir.File("big.yaml", new byte[1025]);

        var e = Assert.Throws<SpecException>(() => InputFile.ReadAllBytes(file, 1024, "--arch"));

        Assert.Equal((file, "--arch"), (e.Errors[0].File, e.Errors[0].Path));
        Assert.Contains("file is 1025 bytes; an input file may be at most 1024 bytes", e.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void An_endless_device_as_arch_is_refused_without_reading_it(string device)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(device))
        {
            return;
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<SpecException>(() => ArchitectureLoader.Load(device));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < AllocationBound);
        var error = Assert.Single(e.Errors);
        Assert.Equal(device, error.File);
        Assert.Contains("not a regular file (a device, pipe or socket); expected a YAML file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endless_device_in_extends_is_refused_at_the_extends_line()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/dev/zero"))
        {
            return;
        }

        using var dir = new TempDirectory();
        var link = System.IO.Path.Combine(dir.Path, "base.yaml");
        File.CreateSymbolicLink(link, "/dev/zero");
        var file = dir.File("arch.yaml", "extends: base.yaml\nclock: 1GHz\n");

        // The link leads out of the file's folder, so /dev is allowed explicitly: the reader must refuse it anyway.
        using var allowed = IncludeRoots.Allow(["/dev"]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<SpecException>(() => ArchitectureLoader.Load(file));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < AllocationBound);
        Assert.Contains(e.Errors, x => x.File.EndsWith("base.yaml", StringComparison.Ordinal) && x.Message.Contains("not a regular file", StringComparison.Ordinal));
    }

    [Fact]
    public void An_endless_device_as_workload_is_refused_without_reading_it()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/dev/zero"))
        {
            return;
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<SpecException>(() => WorkloadLoader.Load("/dev/zero"));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < AllocationBound);
        Assert.Contains("not a regular file", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_as_arch_is_refused_at_once_instead_of_blocking()
    {
        if (!CanMakeFifo())
        {
            return;
        }

        using var dir = new TempDirectory();
        var fifo = MakeFifo(dir, "arch.yaml");

        var error = RefusedWithin(() => ArchitectureLoader.Load(fifo), fifo);

        Assert.Equal(fifo, error.File);
        Assert.Contains("not a regular file (a device, pipe or socket)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_in_include_is_refused_at_once_instead_of_blocking()
    {
        if (!CanMakeFifo())
        {
            return;
        }

        using var dir = new TempDirectory();
        var fifo = MakeFifo(dir, "part.yaml");
        var file = dir.File("arch.yaml", "include: [part.yaml]\nclock: 1GHz\n");

        var error = RefusedWithin(() => ArchitectureLoader.Load(file), fifo);

        Assert.EndsWith("part.yaml", error.File, StringComparison.Ordinal);
        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_refused_as_a_directory()
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<SpecException>(() => InputFile.ReadAllBytes(dir.Path, expected: "a YAML file"));

        Assert.Contains("is a directory; expected a YAML file", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs <paramref name="load"/> on another thread and requires a refusal within seconds. Should it block on the
    /// FIFO (the bug), the FIFO is opened for writing to release it, so the test fails instead of hanging.
    /// </summary>
    private static SpecError RefusedWithin(Action load, string fifo)
    {
        var task = Task.Run(() => Assert.Throws<SpecException>(load));
        if (!task.Wait(TimeSpan.FromSeconds(20)))
        {
            using (new FileStream(fifo, FileMode.Open, FileAccess.Write))
            {
            }

            task.Wait(TimeSpan.FromSeconds(20));
            Assert.Fail($"reading {fifo} blocked instead of refusing it");
        }

        return task.Result.Errors.First(e => e.Message.Contains("not a regular file", StringComparison.Ordinal));
    }

    private static bool CanMakeFifo() => OperatingSystem.IsLinux() && File.Exists("/usr/bin/mkfifo");

    private static string MakeFifo(TempDirectory dir, string name)
    {
        var fifo = System.IO.Path.Combine(dir.Path, name);
        using var mkfifo = System.Diagnostics.Process.Start("/usr/bin/mkfifo", [fifo]);
        mkfifo.WaitForExit();
        return fifo;
    }
}
