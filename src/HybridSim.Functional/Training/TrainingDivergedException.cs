using System.Globalization;

namespace HybridSim.Functional.Training;

/// <summary>
/// Training stopped because the loss or a weight stopped being a finite number (a learning rate, momentum or weight
/// decay far too large). The verbs report it as exit 1 and write no weights.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    public TrainingDivergedException(int epoch, long step, double loss, string? parameter)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"training diverged at epoch {epoch}, step {step}: {(parameter is null ? $"the loss is {loss}" : $"parameter '{parameter}' is no longer finite (loss {loss})")}; no weights written: lower --lr, --momentum or --weight-decay"))
    {
        Epoch = epoch;
        Step = step;
        Loss = loss;
    }

    public TrainingDivergedException()
    {
    }

    public TrainingDivergedException(string message)
        : base(message)
    {
    }

    public TrainingDivergedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Epoch { get; }

    public long Step { get; }

    public double Loss { get; }
}
