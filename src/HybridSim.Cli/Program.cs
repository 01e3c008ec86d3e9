using System.CommandLine;

namespace HybridSim.Cli;

/// <summary>Entry point of the <c>hybridsim</c> executable: wiring only.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = CommandLineApp.BuildRootCommand();
        var parse = root.Parse(args);
        var code = parse.Invoke();
        // System.CommandLine reports parse errors (unknown option, missing required one) with 1; design.md section 4 says usage errors are 2.
        return parse.Errors.Count > 0 ? 2 : code;
    }
}
