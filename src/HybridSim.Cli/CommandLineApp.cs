using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Yaml;

namespace HybridSim.Cli;

/// <summary>Builds the command tree of README.md; each verb lives in its own class.</summary>
public static class CommandLineApp
{
    /// <summary>
    /// <c>--allow-path DIR</c> (any verb, repeatable): a folder whose files <c>extends:</c> and <c>include:</c> may name,
    /// besides the architecture file's own folder tree and the shipped arch/ and workloads/ (see IncludeRoots).
    /// </summary>
    public const string AllowPathOption = "--allow-path";

    /// <summary><c>--strict</c> (any verb): architecture warnings are errors (see ArchitectureWarnings).</summary>
    public const string StrictOption = "--strict";

    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand(
            "HybridSim: a discrete-event simulator of hybrid RRAM/SRAM compute-in-memory DNN accelerators.");
        root.Options.Add(new Option<string[]>(AllowPathOption)
        {
            Description = "Let extends:/include: read files under DIR too (default: the file's own folder tree and the shipped arch/ and workloads/); repeatable",
            Recursive = true,
        });
        root.Options.Add(new Option<bool>(StrictOption)
        {
            Description = "Treat the architecture's warnings (a component figure stated for another configuration, a narrow ADC) as errors: exit 1",
            Recursive = true,
        });
        root.Subcommands.Add(Commands.RunCommand.Create());
        root.Subcommands.Add(Commands.SweepCommand.Create());
        root.Subcommands.Add(Commands.PlotCommand.Create());
        root.Subcommands.Add(Commands.MergeCommand.Create());
        root.Subcommands.Add(Commands.ValidateCommand.Create());
        root.Subcommands.Add(Commands.DescribeCommand.Create());
        root.Subcommands.Add(Commands.CompileCommand.Create());
        root.Subcommands.Add(Commands.TrainCommand.Create());
        root.Subcommands.Add(Commands.EvaluateCommand.Create());
        root.Subcommands.Add(Commands.InferCommand.Create());
        root.Subcommands.Add(Commands.RecoverCommand.Create());
        root.Subcommands.Add(Commands.ImportCommand.Create());
        root.Subcommands.Add(Commands.ExportOnnxCommand.Create());
        NumericOptions.Apply(root);
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction();
        }

        return root;
    }

    /// <summary>
    /// What <c>hybridsim --version</c> prints: the program's version and the commit it was built from, e.g.
    /// "hybridsim 0.1.0 (commit dddc492)"; the commit is left out when the build did not record one.
    /// </summary>
    public static string VersionText()
    {
        var informational = typeof(CommandLineApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(CommandLineApp).Assembly.GetName().Version?.ToString(3) ?? "unknown";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            return "hybridsim " + informational;
        }

        var commit = informational[(plus + 1)..];
        return $"hybridsim {informational[..plus]} (commit {(commit.Length > 7 ? commit[..7] : commit)})";
    }

    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(VersionText());
            return 0;
        }
    }

    /// <summary>
    /// Parses and runs a command line and returns the exit code of docs/robustness.md ("Bad input"). System.CommandLine reports parse
    /// errors (unknown option, missing required one) with 1; they are usage errors, so 2.
    /// </summary>
    public static int Invoke(string[] args, InvocationConfiguration? configuration = null)
    {
        configuration ??= new InvocationConfiguration();
        configuration.EnableDefaultExceptionHandler = false;
        var parse = BuildRootCommand().Parse(args);
        try
        {
            // Ambient for the whole command (a sweep's parallel points included), restored when it ends.
            using var allowed = IncludeRoots.Allow(parse.Errors.Count > 0 ? [] : parse.GetValue<string[]>(AllowPathOption) ?? []);
            using var strict = ArchitectureWarnings.Strict(parse.Errors.Count == 0 && parse.GetValue<bool>(StrictOption));
            var code = parse.Invoke(configuration);
            return parse.Errors.Count > 0 ? 2 : code;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Invalid input is handled by the verbs (exit 1); anything that gets here is a bug in HybridSim.
            configuration.Error.WriteLine($"internal error ({e.GetType().Name}): {e.Message}");
            configuration.Error.WriteLine("This is a bug in HybridSim, not in your input; please report it with the command line.");
            return InternalError;
        }
    }

    /// <summary>Exit code for a bug (docs/robustness.md, "Bad input": 0 success, 1 invalid input, 2 usage, anything else a bug).</summary>
    public const int InternalError = 70;
}
