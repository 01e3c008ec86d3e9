using System.Diagnostics;
using System.Globalization;

namespace HybridSim.Sweeps;

/// <summary>
/// Progress on the console: on a terminal a live line (bar, count, rate, ETA) redrawn with '\r'; when redirected,
/// one plain line per finished point. Failures are always printed on their own line.
/// </summary>
public sealed class ConsoleSweepProgress(TextWriter output, bool live) : ISweepProgress
{
    private const int BarWidth = 30;
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = new();
    private int _total;
    private int _done;
    private int _failed;
    private int _finishedNow;

    public void Started(int total, int alreadyDone)
    {
        lock (_lock)
        {
            _total = total;
            _done = alreadyDone;
            _clock.Restart();
            var reused = alreadyDone > 0 ? $" ({alreadyDone} already finished, reused)" : "";
            output.WriteLine($"sweep: {total} points{reused}");
            Draw();
        }
    }

    public void PointFinished(SweepPoint point, TimeSpan elapsed, string? error)
    {
        lock (_lock)
        {
            _done++;
            _finishedNow++;
            if (error is not null)
            {
                _failed++;
                ClearLine();
                output.WriteLine($"FAILED {point.Label}: {error.Split('\n')[0].TrimEnd()}");
            }
            else if (!live)
            {
                output.WriteLine($"[{Count()}] {point.Label} {Seconds(elapsed)}");
            }

            Draw();
        }
    }

    public void Finished()
    {
        lock (_lock)
        {
            if (live)
            {
                output.WriteLine();
            }

            output.WriteLine($"sweep: {_done - _failed} of {_total} points done, {_failed} failed, {Seconds(_clock.Elapsed)} wall");
        }
    }

    private void Draw()
    {
        if (!live)
        {
            return;
        }

        var fraction = _total == 0 ? 1 : (double)_done / _total;
        var filled = (int)Math.Round(fraction * BarWidth);
        var eta = _finishedNow == 0 ? "ETA --" : "ETA " + Seconds(TimeSpan.FromSeconds(_clock.Elapsed.TotalSeconds / _finishedNow * (_total - _done)));
        output.Write($"\r[{new string('#', filled)}{new string('.', BarWidth - filled)}] {Count()} {eta}   ");
        output.Flush();
    }

    private void ClearLine()
    {
        if (live)
        {
            output.Write("\r" + new string(' ', BarWidth + 40) + "\r");
        }
    }

    private string Count() => $"{_done.ToString(CultureInfo.InvariantCulture).PadLeft(_total.ToString(CultureInfo.InvariantCulture).Length)}/{_total.ToString(CultureInfo.InvariantCulture)}";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";
}
