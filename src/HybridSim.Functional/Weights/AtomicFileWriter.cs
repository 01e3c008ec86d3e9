using HybridSim.Specs.Output;

namespace HybridSim.Functional.Weights;

/// <summary>
/// Writes a file so that readers see the old content or the whole new content, never a torn one; a target that exists
/// and is not a regular file (a folder, <c>/dev/null</c>, a pipe) is refused and symlinks are written through.
/// Delegates to <see cref="SafeFile"/>, the one implementation.
/// </summary>
public static class AtomicFileWriter
{
    /// <summary>Marker in the names of temporary files, as the reports' writer uses.</summary>
    public const string TempMarker = SafeFile.TempMarker;

    public static void WriteAllText(string path, string text) => SafeFile.WriteAllText(path, text, flushToDisk: true);

    /// <summary>Runs <paramref name="write"/> on a temporary file beside <paramref name="path"/> and moves it over the target.</summary>
    public static void Write(string path, Action<Stream> write) => SafeFile.Write(path, write, flushToDisk: true);

    /// <summary>False for devices, pipes and sockets (true where the platform cannot tell).</summary>
    internal static bool IsRegularFile(string full) => SafeFile.IsRegularFile(full);
}
