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
}
