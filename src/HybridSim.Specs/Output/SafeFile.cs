using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Output;

/// <summary>
/// The one output writer every project uses. Readers see the old content or the whole new content, never a torn one:
/// a temporary file in the same folder, flushed, then renamed over the target. A target that exists and is not a
/// regular file (a device such as <c>/dev/full</c>, a pipe, a socket, a folder) is refused: renaming over it would
/// replace the node rather than write to it. A symlink is resolved, so its final target is written and the link kept.
/// Failures are a <see cref="SpecException"/> naming the path, which every verb reports as exit 1.
/// </summary>
public static partial class SafeFile
{
    /// <summary>Marker in the names of temporary files; readers that scan folders skip names containing it.</summary>
    public const string TempMarker = ".tmp-";

    /// <summary>Field named in errors when the caller gives none.</summary>
    public const string DefaultField = "output";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string text, bool flushToDisk = true, string field = DefaultField) =>
        Write(path, s => s.Write(Utf8.GetBytes(text)), flushToDisk, field);

    /// <summary>Writes text through a buffered writer with "\n" line ends.</summary>
    public static void WriteText(string path, Action<TextWriter> write, bool flushToDisk = false, string field = DefaultField) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(writer);
        }, flushToDisk, field);

    /// <summary>Runs <paramref name="write"/> on a temporary file beside the target and moves it over the target.</summary>
    public static void Write(string path, Action<Stream> write, bool flushToDisk = true, string field = DefaultField)
    {
        // No probe here: creating the temporary file is the probe.
        var full = Check(path, field, probe: false);
        var directory = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(full)}{TempMarker}{Environment.ProcessId}-{Guid.NewGuid():N}"));
        try
        {
            Directory.CreateDirectory(directory);
            SafeFileTemps.RemoveStale(directory, Path.GetFileName(full));
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk);
            }

            // Checked again just before the rename: the target may have become a special file meanwhile.
            RefuseSpecial(path, full, field);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing partial is left: the temporary file goes, the target keeps its old content (disk full included).
            TryDelete(temp);
            throw Error(path, field, e.Message.Replace($" : '{temp}'", "", StringComparison.Ordinal).Replace(temp, "a temporary file beside it", StringComparison.Ordinal));
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Checks, before any expensive work, that a file can be written at <paramref name="path"/>: it is not empty, not a
    /// folder or special file (after following symlinks), and its folder exists or can be created. Returns the full path
    /// that will be written (a symlink's final target).
    /// </summary>
    public static string CheckWritableFile(string path, string field = DefaultField) => Check(path, field, probe: true);

    private static string Check(string path, string field, bool probe)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw Error(path, field, "is empty; expected a file name");
        }

        var full = Resolve(Path.GetFullPath(path));
        RefuseSpecial(path, full, field);
        CheckFolderCanExist(path, Path.GetDirectoryName(full)!, field, probe);
        return full;
    }

    /// <summary>Checks that <paramref name="path"/> is a folder or can be created as one (no file or special file in the way).</summary>
    public static void CheckWritableFolder(string path, string field = DefaultField)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw Error(path, field, "is empty; expected a folder name");
        }

        CheckFolderCanExist(path, Resolve(Path.GetFullPath(path)), field, probe: true);
    }

    /// <summary>False for devices, pipes and sockets (true where the platform cannot tell); follows symlinks.</summary>
    public static bool IsRegularFile(string full)
    {
        if (OperatingSystem.IsWindows())
        {
            return (File.GetAttributes(full) & FileAttributes.Device) == 0;
        }

        // .NET reports devices and pipes as Normal files on Unix; statx's stx_mode (offset 28 in a fixed,
        // architecture-independent layout) has the file type.
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var buffer = new byte[256];
                if (Statx(AtFdCwd, full, 0, StatxType, buffer) == 0)
                {
                    var mode = BitConverter.ToUInt16(buffer, 28);
                    return (mode & 0xF000) == 0x8000;
                }
            }
            catch (EntryPointNotFoundException)
            {
            }
            catch (DllNotFoundException)
            {
            }
        }

        return true;
    }

    private static void RefuseSpecial(string path, string full, string field)
    {
        if (Directory.Exists(full))
        {
            throw Error(path, field, "is a folder; expected a file name to write");
        }

        if (File.Exists(full) && !IsRegularFile(full))
        {
            throw Error(path, field, "not a regular file (a device, pipe or socket); refusing to replace it, give a file name");
        }
    }

    /// <summary>The nearest existing ancestor must be a folder, else the folder cannot be created (e.g. <c>file/sub</c>).</summary>
    private static void CheckFolderCanExist(string path, string folder, string field, bool probe)
    {
        for (var current = folder; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            if (Directory.Exists(current))
            {
                if (probe)
                {
                    Probe(path, current, field);
                }

                return;
            }

            if (File.Exists(current) || IsSymlink(current))
            {
                throw Error(path, field, $"{current} is not a folder; cannot create a folder there");
            }
        }
    }

    /// <summary>Creates and deletes a temporary file, catching read-only, immutable and virtual folders (<c>/proc/self</c>) up front.</summary>
    private static void Probe(string path, string folder, string field)
    {
        var probe = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $".probe{TempMarker}{Environment.ProcessId}-{Guid.NewGuid():N}"));
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(probe);
            throw Error(path, field, $"cannot create files in {folder} ({e.Message})");
        }
    }

    private static bool IsSymlink(string full)
    {
        try
        {
            return new FileInfo(full).LinkTarget is not null;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The final target of a symlink chain (a dangling link gives the path it names), else the path itself.</summary>
    private static string Resolve(string full)
    {
        try
        {
            var info = new FileInfo(full);
            if (info.LinkTarget is null)
            {
                return full;
            }

            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? full : Path.GetFullPath(target.FullName);
        }
        catch (IOException)
        {
            // A symlink loop or an unreadable link: the checks and the write report it with the path.
            return full;
        }
        catch (UnauthorizedAccessException)
        {
            return full;
        }
    }

    private static SpecException Error(string path, string field, string message) =>
        new(new SpecError(path, 0, 0, field, $"cannot write {path}: {message}"));

    private const int AtFdCwd = -100;
    private const uint StatxType = 1;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string pathname, int flags, uint mask, [Out] byte[] buffer);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a stray temp file is harmless and ignored by readers.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
