using HybridSim.Specs.Output;

namespace HybridSim.Compiler.Output;

/// <summary>
/// Writes a file so that readers see the old content or the whole new content, never a torn one; special files are
/// refused and symlinks written through. Delegates to <see cref="SafeFile"/>, the one implementation.
/// </summary>
internal static class AtomicOutputFile
{
    /// <summary>Suffix of temporary files (folder scanners skip names containing it).</summary>
    public const string TempMarker = SafeFile.TempMarker;

    /// <summary>Writes text through a buffered writer with "\n" line ends.</summary>
    public static void WriteText(string path, Action<TextWriter> write, bool flushToDisk = false) =>
        SafeFile.WriteText(path, write, flushToDisk);

    public static void Write(string path, Action<Stream> write, bool flushToDisk = false) =>
        SafeFile.Write(path, write, flushToDisk);
}
