namespace HybridSim.Tests;

/// <summary>Finds the repository root (the directory holding HybridSim.sln) from the test binaries.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Find();

    public static string Arch(string name) => Path.Combine(Root, "arch", name);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HybridSim.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
