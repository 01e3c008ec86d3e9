using HybridSim.Specs.Output;

namespace HybridSim.Metrics.Reports;

/// <summary>
/// Writes a file so that readers see either the old content or the whole new content, never a torn one; special files
/// are refused and symlinks written through. Delegates to <see cref="SafeFile"/>, the one implementation.
/// </summary>
public static class AtomicFile
{
    /// <summary>Suffix of temporary files; readers that scan folders skip names containing it.</summary>
    public const string TempMarker = SafeFile.TempMarker;

    public static void WriteAllText(string path, string text) => SafeFile.WriteAllText(path, text, flushToDisk: true);
}
