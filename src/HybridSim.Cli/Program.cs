using System.CommandLine;

namespace HybridSim.Cli;

/// <summary>Entry point of the <c>hybridsim</c> executable: wiring only.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = CommandLineApp.BuildRootCommand();
        return root.Parse(args).Invoke();
    }
}
