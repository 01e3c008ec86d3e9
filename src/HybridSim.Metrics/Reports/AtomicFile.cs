using System.Text;

namespace HybridSim.Metrics.Reports;

/// <summary>
/// Writes a file so that readers see either the old content or the whole new content, never a torn one:
/// a temporary file in the same folder, flushed, then renamed over the target. A crash leaves at most a stray temp file.
/// </summary>
public static class AtomicFile
{
    /// <summary>Suffix of temporary files; readers that scan folders skip names containing it.</summary>
    public const string TempMarker = ".tmp-";

    public static void WriteAllText(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $"{Path.GetFileName(full)}{TempMarker}{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
                stream.Write(bytes);
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
