using HybridSim.Specs.Validation;

namespace HybridSim.Cli.Commands;

/// <summary>Prints input errors the way every verb does: one "file:line:column: path: message" line each.</summary>
public static class CliErrors
{
    public static void Print(TextWriter error, SpecException exception)
    {
        foreach (var e in exception.Errors)
        {
            error.WriteLine("error: " + e);
        }
    }

    /// <summary>Warnings (e.g. a narrow ADC) go to stderr as "warning: file:line:column: path: message" and never change the exit code.</summary>
    public static void PrintWarnings(TextWriter error, IEnumerable<SpecError> warnings)
    {
        foreach (var w in warnings)
        {
            error.WriteLine("warning: " + w);
        }
    }
}
