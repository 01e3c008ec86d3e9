using HybridSim.Functional.Recovery;
using HybridSim.Functional.Training;

namespace HybridSim.Cli.Commands;

/// <summary>Prints each recovery stage and draws the training bar (<see cref="TrainingProgressPrinter"/>) within it.</summary>
internal sealed class RecoveryProgressPrinter(TextWriter output, bool terminal, int epochs) : IRecoveryProgress
{
    public ITrainingProgress? Training { get; } = new TrainingProgressPrinter(output, terminal, epochs);

    public void Stage(string description) => output.WriteLine(description);
}
