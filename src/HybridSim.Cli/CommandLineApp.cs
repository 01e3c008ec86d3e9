using System.CommandLine;

namespace HybridSim.Cli;

/// <summary>Builds the command tree of design.md section 4; each verb lives in its own class.</summary>
public static class CommandLineApp
{
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand(
            "HybridSim: a discrete-event simulator of hybrid RRAM/SRAM compute-in-memory DNN accelerators.");
        root.Subcommands.Add(Commands.RunCommand.Create());
        root.Subcommands.Add(Commands.SweepCommand.Create());
        root.Subcommands.Add(Commands.PlotCommand.Create());
        root.Subcommands.Add(Commands.MergeCommand.Create());
        root.Subcommands.Add(Commands.ValidateCommand.Create());
        root.Subcommands.Add(Commands.DescribeCommand.Create());
        root.Subcommands.Add(Commands.CompileCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs a command line and returns the exit code of design.md section 4. System.CommandLine reports parse
    /// errors (unknown option, missing required one) with 1; they are usage errors, so 2.
    /// </summary>
    public static int Invoke(string[] args, InvocationConfiguration? configuration = null)
    {
        var parse = BuildRootCommand().Parse(args);
        var code = configuration is null ? parse.Invoke() : parse.Invoke(configuration);
        return parse.Errors.Count > 0 ? 2 : code;
    }
}
