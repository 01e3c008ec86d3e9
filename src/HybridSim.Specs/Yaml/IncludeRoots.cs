using System.Collections.Immutable;

namespace HybridSim.Specs.Yaml;

/// <summary>
/// Where <c>extends:</c> and <c>include:</c> may reach (issue 15, section 4): inside the folder tree of the file given
/// on the command line, the shipped <c>arch/</c> and <c>workloads/</c> folders, and folders allowed with
/// <c>--allow-path DIR</c>. Paths are compared after resolving every symlink and <c>..</c> as the operating system
/// does, so a link or a <c>../..</c> cannot lead out. The allowed extra folders are ambient for the current logical
/// call (an <see cref="AsyncLocal{T}"/> scope set by the command line), so they reach every load of a command,
/// including a sweep's parallel points, without being threaded through each caller.
/// </summary>
public static class IncludeRoots
{
    private const int MaxLinkHops = 40;

    private static readonly AsyncLocal<ImmutableArray<string>> Extra = new();

    /// <summary>Allows <paramref name="folders"/> (and their trees) for the loads inside the returned scope.</summary>
    public static IDisposable Allow(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var previous = Extra.Value;
        Extra.Value = [.. (previous.IsDefault ? [] : previous), .. folders.Where(f => !string.IsNullOrWhiteSpace(f)).Select(RealPath)];
        return new Scope(previous);
    }

    /// <summary>The folders allowed with <see cref="Allow"/> in the current scope.</summary>
    public static ImmutableArray<string> Allowed => Extra.Value.IsDefault ? [] : Extra.Value;

    /// <summary>The shipped <c>arch/</c> and <c>workloads/</c> folders: the first of the program's folder and its parents that holds either.</summary>
    public static ImmutableArray<string> Shipped { get; } = FindShipped();

    /// <summary>The shipped <c>arch/</c> folder, searched for a relative <c>extends:</c> or <c>include:</c> that is not
    /// next to the including file; null when the program has none.</summary>
    public static string? ShippedArchitectures { get; } = Shipped.FirstOrDefault(f => Path.GetFileName(f) == "arch");

    /// <summary>Every folder a composition starting at <paramref name="topFile"/> may read from.</summary>
    public static ImmutableArray<string> For(string topFile)
    {
        var top = Path.GetDirectoryName(Path.GetFullPath(topFile)) ?? Path.GetFullPath(".");
        return [RealPath(top), .. Shipped, .. Allowed];
    }

    /// <summary>True when <paramref name="path"/>, resolved, lies in one of <paramref name="roots"/> (resolved folders).</summary>
    public static bool IsInside(string path, IEnumerable<string> roots)
    {
        var real = RealPath(path);
        return roots.Any(root => real == root || real.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    /// <summary>
    /// The absolute path with every symlink resolved and <c>.</c> and <c>..</c> applied after resolving, as the
    /// operating system walks it (realpath(3)); components that do not exist are kept as written.
    /// </summary>
    public static string RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var absolute = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var pending = new Stack<string>();
        Push(pending, absolute);
        var current = Path.GetPathRoot(absolute) ?? "/";
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            var target = LinkTarget(next);
            if (target is null || ++hops > MaxLinkHops)
            {
                current = next;
                continue;
            }

            // Walk the link's target in place of this component: from the root when absolute, else from its folder.
            Push(pending, target);
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? current;
            }
        }

        return current;
    }

    private static void Push(Stack<string> pending, string path)
    {
        var root = Path.GetPathRoot(path) ?? "";
        var parts = path[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static ImmutableArray<string> FindShipped()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var found = new[] { "arch", WorkloadsFolder }
                .Select(name => Path.Combine(dir.FullName, name))
                .Where(Directory.Exists)
                .Select(RealPath)
                .ToImmutableArray();
            if (!found.IsEmpty)
            {
                return found;
            }
        }

        return [];
    }

    private const string WorkloadsFolder = "workloads";

    private sealed class Scope(ImmutableArray<string> previous) : IDisposable
    {
        public void Dispose() => Extra.Value = previous;
    }
}
