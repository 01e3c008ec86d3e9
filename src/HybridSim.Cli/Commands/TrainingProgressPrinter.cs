using System.Globalization;
using HybridSim.Functional.Training;

namespace HybridSim.Cli.Commands;

/// <summary>
/// Training progress: on a terminal, one bar redrawn in place (epoch, loss, accuracy, images/s, ETA); otherwise
/// one plain line per epoch, so logs stay readable.
/// </summary>
internal sealed class TrainingProgressPrinter(TextWriter output, bool terminal, int epochs) : ITrainingProgress
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public void BatchDone(int epoch, int batch, int batches, double runningLoss, double runningAccuracy, double imagesPerSecond)
    {
        if (!terminal || (batch % 8 != 0 && batch != batches - 1))
        {
            return;
        }

        var done = ((epoch - 1) * (double)batches) + batch + 1;
        var total = (double)epochs * batches;
        var eta = TimeSpan.FromSeconds(_clock.Elapsed.TotalSeconds * (total - done) / done);
        const int width = 24;
        var filled = (int)(width * (batch + 1) / (double)batches);
        output.Write(string.Create(Inv, $"\repoch {epoch}/{epochs} [{new string('#', filled)}{new string('.', width - filled)}] loss {runningLoss:0.0000} acc {100 * runningAccuracy:0.00}% {imagesPerSecond:0} img/s ETA {eta:mm\\:ss}  "));
    }

    public void EpochDone(EpochResult result)
    {
        if (terminal)
        {
            output.Write('\r');
        }

        var test = result.TestAccuracy is { } t ? string.Create(Inv, $", test accuracy {100 * t:0.00}%") : "";
        output.WriteLine(string.Create(Inv, $"epoch {result.Epoch}/{epochs}: loss {result.Loss:0.0000}, train accuracy {100 * result.TrainAccuracy:0.00}%{test}, {result.ImagesPerSecond:0} images/s, {result.Elapsed.TotalSeconds:0.0} s"));
    }
}
