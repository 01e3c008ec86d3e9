using System.Runtime.InteropServices;
using System.Text;
using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Weights;

/// <summary>
/// Writes a file so that readers see the old content or the whole new content, never a torn one: a temporary file in
/// the same folder, flushed, then renamed over the target. A target that exists and is not a regular file (a folder,
/// <c>/dev/null</c>, a pipe) is refused: renaming over it would replace the device node rather than write to it.
/// </summary>
public static partial class AtomicFileWriter
{
    /// <summary>Marker in the names of temporary files, as the reports' writer uses.</summary>
    public const string TempMarker = ".tmp-";

    public static void WriteAllText(string path, string text) =>
        Write(path, s => s.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text)));

    /// <summary>Runs <paramref name="write"/> on a temporary file beside <paramref name="path"/> and moves it over the target.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        RefuseSpecialFile(path, full);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $"{Path.GetFileName(full)}{TempMarker}{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void RefuseSpecialFile(string path, string full)
    {
        if (Directory.Exists(full))
        {
            throw new SpecException(new SpecError(path, 0, 0, "", "is a folder; expected a file name to write"));
        }

        if (File.Exists(full) && !IsRegularFile(full))
        {
            throw new SpecException(new SpecError(path, 0, 0, "", "exists and is not a regular file (a device or pipe); refusing to replace it, give a file name"));
        }
    }

    /// <summary>False for devices, pipes and sockets (true where the platform cannot tell).</summary>
    internal static bool IsRegularFile(string full)
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
            // Best effort: a stray temp file is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
