using HybridSim.Specs.Validation;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Workloads;

/// <summary>
/// Finds workload files: a path is used as given; a bare name (<c>resnet20-cifar</c>) is looked up as
/// <c>workloads/NAME.yaml</c> in the current directory or any parent, then in the program's directory or any parent.
/// </summary>
public static class WorkloadLocator
{
    public const string DirectoryName = "workloads";

    /// <summary>True when <paramref name="fileOrName"/> is a bare name rather than a path to a file.</summary>
    public static bool IsBareName(string fileOrName) =>
        fileOrName.Length > 0
        && fileOrName.IndexOfAny(['/', '\\', ':']) < 0
        && !fileOrName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        && !fileOrName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        && !File.Exists(fileOrName);

    /// <summary>The file to read: a path as given, or the file a bare name stands for (relative to the current
    /// directory when it lies below it). Throws a <see cref="SpecException"/> listing the known names when a bare
    /// name matches no file.</summary>
    public static string Resolve(string fileOrName)
    {
        if (!IsBareName(fileOrName))
        {
            return fileOrName;
        }

        foreach (var directory in WorkloadDirectories())
        {
            var candidate = Path.Combine(directory, fileOrName + ".yaml");
            if (File.Exists(candidate))
            {
                return Display(candidate);
            }
        }

        var available = AvailableNames();
        var message = available.Count == 0
            ? $"unknown workload '{fileOrName}': no '{DirectoryName}/' directory with YAML files was found above the current directory or the program; give a path to a workload file"
            : $"unknown workload '{fileOrName}'{DidYouMean.Hint(fileOrName, available)}; available: {string.Join(", ", available)} (or give a path to a workload file)";
        throw new SpecException(new SpecError(fileOrName, 0, 0, "workload", message));
    }

    /// <summary>Names of the workloads in the first <c>workloads/</c> directory found, sorted.</summary>
    public static IReadOnlyList<string> AvailableNames()
    {
        foreach (var directory in WorkloadDirectories())
        {
            var names = Directory.EnumerateFiles(directory, "*.yaml")
                .Select(Path.GetFileNameWithoutExtension)
                .OfType<string>()
                .Order(StringComparer.Ordinal)
                .ToList();
            if (names.Count > 0)
            {
                return names;
            }
        }

        return [];
    }

    /// <summary>Every <c>workloads/</c> directory in the current directory, the program's directory, or their parents.</summary>
    public static IEnumerable<string> WorkloadDirectories()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DirectoryName);
                if (Directory.Exists(candidate) && seen.Add(candidate))
                {
                    yield return candidate;
                }
            }
        }
    }

    private static string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }
}
