using HybridSim.Metrics.Reports;

namespace HybridSim.Sweeps;

/// <summary>Writes a sweep folder's results: <c>sweep.csv</c>, <c>sweep.svg</c> and <c>breakdown.svg</c> (each atomically), and
/// <c>choice.json</c> under <c>--max-accuracy-drop</c>.</summary>
public static class SweepOutput
{
    public const string TableFile = "sweep.csv";
    public const string FigureFile = "sweep.svg";
    public const string BreakdownFile = "breakdown.svg";

    /// <summary>Written only when there is something to say (e.g. a missing all-SRAM baseline), so the folder explains itself later.</summary>
    public const string NotesFile = "notes.txt";

    /// <summary>Builds the table from the points found by <paramref name="lookup"/> and writes the three files; returns the table and notes.</summary>
    public static SweepTableResult Write(string directory, SweepPlan plan, Func<string, RunReport?> lookup)
    {
        var result = SweepTable.Build(plan, lookup);
        AtomicFile.WriteAllText(Path.Combine(directory, TableFile), result.Table.ToCsv());
        WriteFigures(result.Table, Path.Combine(directory, FigureFile), Path.Combine(directory, BreakdownFile));
        if (plan.MaxAccuracyDrop is not null)
        {
            AtomicFile.WriteAllText(Path.Combine(directory, Accuracy.OperatingPoint.FileName), Accuracy.OperatingPoint.Serialize(plan, result.Choices));
        }

        var notes = Path.Combine(directory, NotesFile);
        if (result.Notes.IsEmpty)
        {
            File.Delete(notes);
        }
        else
        {
            AtomicFile.WriteAllText(notes, string.Concat(result.Notes.Select(n => n + "\n")));
        }

        return result;
    }

    /// <summary>Draws the sweep figure (and the breakdown, when a path is given) from a table.</summary>
    public static void WriteFigures(CsvTable table, string figurePath, string? breakdownPath)
    {
        AtomicFile.WriteAllText(figurePath, SweepFigures.Main(table).ToSvg());
        if (breakdownPath is not null)
        {
            AtomicFile.WriteAllText(breakdownPath, SweepFigures.Breakdown(table).ToSvg());
        }
    }
}
