using HybridSim.Specs.Validation;

namespace HybridSim.Cli.Commands;

/// <summary>
/// Runs a verb's body so that every verb reports bad input the same way: a <see cref="SpecException"/> becomes one
/// <c>file:line:column: path: message</c> line per error on stderr (via <see cref="CliErrors"/>) and exit code 1.
/// </summary>
public static class SpecAction
{
    public const int Ok = 0;
    public const int InvalidInput = 1;
    public const int Usage = 2;

    public static int Run(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (SpecException e)
        {
            CliErrors.Print(error, e);
            return InvalidInput;
        }
        catch (HybridSim.Functional.Training.TrainingDivergedException e)
        {
            // Not a file's fault but the options': exit 1 with the epoch, step and loss, and nothing written.
            error.WriteLine("error: " + e.Message);
            return InvalidInput;
        }
    }
}
