using System.CommandLine;

namespace HybridSim.Cli.Tests;

/// <summary>Runs the <c>hybridsim</c> command line in-process, as <c>Program.Main</c> does, and finds the repository's files.</summary>
internal static class CliHarness
{
    public static string Root => RepositoryPaths.Root;

    public static string Arch(string name) => Path.Combine(Root, "arch", name);

    public static string Workload(string name) => Path.Combine(Root, "workloads", name);

    /// <summary>Exit code (usage errors mapped to 2, as Program.Main maps them), stdout and stderr.</summary>
    public static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLineApp.Invoke(args, new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
