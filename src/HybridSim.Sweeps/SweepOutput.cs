using HybridSim.Metrics.Reports;
using HybridSim.Specs.Output;

namespace HybridSim.Sweeps;

/// <summary>
/// Writes a sweep folder's results: <c>sweep.csv</c>, <c>sweep.svg</c>, <c>breakdown.svg</c>, <c>pareto.svg</c> when the
/// table has accuracy values, and <c>choice.json</c> under <c>--max-accuracy-drop</c> (each atomically).
/// </summary>
public static class SweepOutput
{
    public const string TableFile = "sweep.csv";
    public const string FigureFile = "sweep.svg";
    public const string BreakdownFile = "breakdown.svg";

    /// <summary>Accuracy against the improvements (see <see cref="SweepFigures.Pareto"/>); written only when the table has accuracy values.</summary>
    public const string ParetoFile = "pareto.svg";

    /// <summary>Written only when there is something to say (e.g. a missing all-SRAM baseline), so the folder explains itself later.</summary>
    public const string NotesFile = "notes.txt";

    /// <summary>
    /// Builds the table from the points found by <paramref name="lookup"/> and writes the files; returns the table and
    /// notes. A <c>notes.txt</c> or <c>pareto.svg</c> left from an earlier run that has nothing to say now is deleted.
    /// </summary>
    public static SweepTableResult Write(string directory, SweepPlan plan, Func<string, RunReport?> lookup)
    {
        var result = SweepTable.Build(plan, lookup);
        SafeFile.WriteAllText(Path.Combine(directory, TableFile), result.Table.ToCsv());
        WriteFigures(result.Table, Path.Combine(directory, FigureFile), Path.Combine(directory, BreakdownFile));
        var pareto = Path.Combine(directory, ParetoFile);
        if (!WritePareto(result.Table, pareto))
        {
            DeleteStale(pareto);
        }

        if (plan.MaxAccuracyDrop is not null)
        {
            SafeFile.WriteAllText(Path.Combine(directory, Accuracy.OperatingPoint.FileName), Accuracy.OperatingPoint.Serialize(plan, result.Choices));
        }

        var notes = Path.Combine(directory, NotesFile);
        if (result.Notes.IsEmpty)
        {
            File.Delete(notes);
        }
        else
        {
            SafeFile.WriteAllText(notes, string.Concat(result.Notes.Select(n => n + "\n")));
        }

        return result;
    }

    /// <summary>
    /// Draws the sweep figure (and the breakdown, when a path is given: dynamic energy, plus leakage panels with
    /// <paramref name="breakdownLeakage"/>) from a table. Both figures are drawn before either file is written.
    /// </summary>
    public static void WriteFigures(CsvTable table, string figurePath, string? breakdownPath, bool breakdownLeakage = false)
    {
        var figure = SweepFigures.Main(table).ToSvg();
        var breakdown = breakdownPath is null ? null : SweepFigures.Breakdown(table, breakdownLeakage).ToSvg();
        SafeFile.WriteAllText(figurePath, figure);
        if (breakdownPath is not null)
        {
            SafeFile.WriteAllText(breakdownPath, breakdown!);
        }
    }

    /// <summary>Draws the Pareto figure when the table has accuracy values; false (and nothing touched) when it has none.</summary>
    public static bool WritePareto(CsvTable table, string path)
    {
        if (!SweepFigures.HasAccuracy(table))
        {
            return false;
        }

        SafeFile.WriteAllText(path, SweepFigures.Pareto(table).ToSvg());
        return true;
    }

    /// <summary>Deletes a stale output of ours; a special file (or folder) in its place is left alone, never removed.</summary>
    private static void DeleteStale(string path)
    {
        if (File.Exists(path) && SafeFile.IsRegularFile(Path.GetFullPath(path)))
        {
            File.Delete(path);
        }
    }
}
