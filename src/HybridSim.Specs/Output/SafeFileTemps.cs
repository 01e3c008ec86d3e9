using System.Globalization;
using System.Text.RegularExpressions;

namespace HybridSim.Specs.Output;

/// <summary>
/// Sweeps up what a killed writer left: <see cref="SafeFile"/>'s temporary files are named
/// <c>TARGET.tmp-PID-GUID</c>, and a <c>SIGKILL</c> between creating one and renaming it leaves it behind. The next write
/// of the same target removes such files whose process is gone (no process with that id); files of a live process,
/// this one included, are kept, since that writer may still rename its file.
/// </summary>
internal static partial class SafeFileTemps
{
    public static void RemoveStale(string directory, string targetName)
    {
        if (targetName.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            return; // not expressible as a search pattern; such names are rare enough to leave alone
        }

        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(directory, targetName + SafeFile.TempMarker + "*").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var path in candidates)
        {
            var suffix = Path.GetFileName(path).AsSpan(targetName.Length + SafeFile.TempMarker.Length);
            var match = TempSuffix().Match(suffix.ToString());
            if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsAlive(pid))
            {
                continue;
            }

            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: a stale temporary file is harmless and readers skip it.
            }
        }
    }

    /// <summary>True when a process with this id exists (on Linux, /proc/PID; elsewhere what the OS reports).</summary>
    internal static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}"));
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex("^([0-9]{1,10})-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex TempSuffix();
}
