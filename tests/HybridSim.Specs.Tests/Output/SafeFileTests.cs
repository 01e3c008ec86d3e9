using HybridSim.Specs.Output;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Tests.Output;

public sealed class SafeFileTests
{
    [Fact]
    public void A_regular_file_is_written_and_no_temp_file_is_left()
    {
        using var dir = new TempDirectory();
        var file = System.IO.Path.Combine(dir.Path, "sub", "out.txt");

        SafeFile.WriteAllText(file, "hello\n");

        Assert.Equal("hello\n", File.ReadAllText(file));
        Assert.DoesNotContain(Directory.GetFiles(System.IO.Path.GetDirectoryName(file)!), f => f.Contains(SafeFile.TempMarker, StringComparison.Ordinal));
    }

    [Fact]
    public void A_pipe_is_refused_and_stays_a_pipe()
    {
        if (!CanMakeFifo())
        {
            return;
        }

        using var dir = new TempDirectory();
        var fifo = MakeFifo(dir, "pipe.json");

        var e = Assert.Throws<SpecException>(() => SafeFile.WriteAllText(fifo, "{}", field: "--out"));

        Assert.Contains($"cannot write {fifo}: not a regular file", e.Message, StringComparison.Ordinal);
        Assert.Equal("--out", e.Errors[0].Path);
        Assert.False(SafeFile.IsRegularFile(fifo));
        Assert.Single(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void The_full_device_is_refused_and_stays_a_device()
    {
        // Only once the read-only check has been seen to classify it as special, so a failure cannot replace it.
        if (!OperatingSystem.IsLinux() || !File.Exists("/dev/full") || SafeFile.IsRegularFile("/dev/full"))
        {
            return;
        }

        var e = Assert.Throws<SpecException>(() => SafeFile.CheckWritableFile("/dev/full"));
        Assert.Throws<SpecException>(() => SafeFile.WriteAllText("/dev/full", "x"));

        Assert.Contains("cannot write /dev/full: not a regular file", e.Message, StringComparison.Ordinal);
        Assert.False(SafeFile.IsRegularFile("/dev/full"));
    }

    [Fact]
    public void A_symlink_to_a_regular_file_is_written_through_and_stays_a_link()
    {
        using var dir = new TempDirectory();
        var target = dir.File("real.txt", "old");
        var link = System.IO.Path.Combine(dir.Path, "link.txt");
        File.CreateSymbolicLink(link, target);

        SafeFile.WriteAllText(link, "new");

        Assert.Equal("new", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.True(new FileInfo(link).Attributes.HasFlag(FileAttributes.ReparsePoint));
    }

    [Fact]
    public void A_symlink_to_a_pipe_is_refused_and_both_are_kept()
    {
        if (!CanMakeFifo())
        {
            return;
        }

        using var dir = new TempDirectory();
        var fifo = MakeFifo(dir, "pipe");
        var link = System.IO.Path.Combine(dir.Path, "link");
        File.CreateSymbolicLink(link, fifo);

        Assert.Throws<SpecException>(() => SafeFile.WriteAllText(link, "x"));

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.False(SafeFile.IsRegularFile(fifo));
    }

    [Fact]
    public void A_folder_where_a_file_is_expected_is_refused()
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<SpecException>(() => SafeFile.WriteAllText(dir.Path, "x"));

        Assert.Contains("is a folder", e.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(dir.Path));
    }

    [Fact]
    public void A_file_under_a_regular_file_is_refused_before_writing()
    {
        using var dir = new TempDirectory();
        var file = dir.File("file", "x");

        var e = Assert.Throws<SpecException>(() => SafeFile.CheckWritableFile(System.IO.Path.Combine(file, "sub", "out.txt")));

        Assert.Contains($"{file} is not a folder", e.Message, StringComparison.Ordinal);
        Assert.Throws<SpecException>(() => SafeFile.CheckWritableFolder(System.IO.Path.Combine(file, "sub")));
    }

    [Fact]
    public void An_empty_path_is_refused()
    {
        Assert.Throws<SpecException>(() => SafeFile.CheckWritableFile(""));
        Assert.Throws<SpecException>(() => SafeFile.CheckWritableFolder(" "));
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
