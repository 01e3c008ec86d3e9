using System.Collections.Immutable;
using System.CommandLine;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Validation;
using HybridSim.Sweeps;

namespace HybridSim.Cli.Commands;

/// <summary>
/// <c>hybridsim plot CSV... [--out FILE.svg] [--breakdown FILE.svg]</c>: redraws sweep tables as SVG; several tables
/// with the same swept keys are drawn together (one series per architecture). The kind of plot follows from the columns.
/// </summary>
public static class PlotCommand
{
    public static Command Create()
    {
        var tables = new Argument<string[]>("csv") { Description = "sweep.csv files written by 'hybridsim sweep'", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "SVG to write (default: the first CSV with .svg)" };
        var breakdown = new Option<string?>("--breakdown") { Description = "Also write the stacked energy breakdown to this SVG" };
        var command = new Command("plot", "Draw sweep tables (freeze: improvement vs x; rank: overheads vs rank; grid: lines or heat map) as SVG.")
        {
            tables, output, breakdown,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(tables)!;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var table = Combine(paths);
                var target = parse.GetValue(output) ?? Path.ChangeExtension(paths[0], ".svg");
                SweepOutput.WriteFigures(table, target, parse.GetValue(breakdown));
                parse.InvocationConfiguration.Output.WriteLine($"wrote {target}" + (parse.GetValue(breakdown) is string b ? $" and {b}" : ""));
                return 0;
            }
            catch (SpecException e)
            {
                CliErrors.Print(error, e);
                return 1;
            }
            catch (IOException e)
            {
                error.WriteLine("error: " + e.Message);
                return 1;
            }
        });
        return command;
    }

    /// <summary>Reads the tables and stacks their rows; columns are matched by name (a column missing from one table gives empty cells).</summary>
    public static CsvTable Combine(IReadOnlyList<string> paths)
    {
        var tables = paths.Select(p => File.Exists(p)
            ? CsvTable.ReadFile(p)
            : throw new SpecException(new SpecError(p, 0, 0, "", "file not found; expected a sweep.csv"))).ToList();
        var keys = SweepFigures.SweptKeys(tables[0]);
        for (var i = 1; i < tables.Count; i++)
        {
            if (!SweepFigures.SweptKeys(tables[i]).SequenceEqual(keys))
            {
                throw new SpecException(new SpecError(paths[i], 1, 0, "", $"swept columns ({string.Join(", ", SweepFigures.SweptKeys(tables[i]))}) differ from {paths[0]} ({string.Join(", ", keys)}); plot tables of the same kind together"));
            }
        }

        if (tables.Count == 1)
        {
            return tables[0];
        }

        var header = tables[0].Header.ToList();
        foreach (var column in tables.Skip(1).SelectMany(t => t.Header).Where(c => !header.Contains(c)).Distinct().ToList())
        {
            header.Add(column);
        }

        var rows = tables.SelectMany(t => t.Rows.Select(r => header.Select(c => t.ColumnIndex(c) is var i and >= 0 ? r[i] : "").ToImmutableArray()));
        return new CsvTable([.. header], [.. rows]);
    }
}
