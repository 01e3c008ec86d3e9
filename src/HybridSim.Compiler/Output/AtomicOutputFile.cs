using System.Globalization;
using System.Text;

namespace HybridSim.Compiler.Output;

/// <summary>
/// Writes a file so that readers see the old content or the whole new content, never a torn one: a temporary file in
/// the same folder, then renamed over the target (the convention of Metrics' AtomicFile, which the compiler cannot reference).
/// </summary>
internal static class AtomicOutputFile
{
    /// <summary>Suffix of temporary files, as Metrics' AtomicFile spells it (folder scanners skip names containing it).</summary>
    public const string TempMarker = ".tmp-";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes text through a buffered writer with "\n" line ends.</summary>
    public static void WriteText(string path, Action<TextWriter> write, bool flushToDisk = false) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(writer);
        }, flushToDisk);

    public static void Write(string path, Action<Stream> write, bool flushToDisk = false)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(full)}{TempMarker}{Environment.ProcessId}-{Guid.NewGuid():N}"));
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // Best effort: a stray temp file is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }

            throw;
        }
    }
}
