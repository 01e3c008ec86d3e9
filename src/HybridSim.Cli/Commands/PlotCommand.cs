using System.Collections.Immutable;
using System.CommandLine;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Validation;
using HybridSim.Sweeps;

namespace HybridSim.Cli.Commands;

/// <summary>
/// <c>hybridsim plot CSV... [--out FILE.svg] [--breakdown FILE.svg [--leakage]] [--pareto FILE.svg]</c>: redraws sweep tables as SVG;
/// several tables with the same swept keys are drawn together (one series per architecture). The kind of plot follows
/// from the columns. A table with accuracy values also gets its Pareto figure (accuracy against the improvements), by
/// default <c>pareto.svg</c> beside the main figure. The breakdown shows dynamic energy by component group; <c>--leakage</c>
/// adds a leakage panel per series. Every output is checked before anything is drawn.
/// </summary>
public static class PlotCommand
{
    public static Command Create()
    {
        var tables = new Argument<string[]>("csv") { Description = "sweep.csv files written by 'hybridsim sweep'", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "SVG to write (default: the first CSV with .svg)" };
        var breakdown = new Option<string?>("--breakdown") { Description = "Also write the stacked breakdown of dynamic energy by component group to this SVG" };
        var leakage = new Option<bool>("--leakage") { Description = "With --breakdown: add a panel of leakage energy by component group beside each dynamic one" };
        var pareto = new Option<string?>("--pareto") { Description = $"Where the Pareto figure goes when the table has accuracy (default: {SweepOutput.ParetoFile} beside the main figure)" };
        var command = new Command("plot", "Draw sweep tables (freeze: improvement and accuracy vs x; rank: overheads and accuracy vs rank; grid: lines or heat map; with accuracy also the Pareto figure) as SVG.")
        {
            tables, output, breakdown, leakage, pareto,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(tables)!;
            var error = parse.InvocationConfiguration.Error;
            if (OutputTargets.IsEmpty(error, "--out", parse.GetValue(output))
                || OutputTargets.IsEmpty(error, "--breakdown", parse.GetValue(breakdown))
                || OutputTargets.IsEmpty(error, "--pareto", parse.GetValue(pareto)))
            {
                return 2;
            }

            if (parse.GetValue(leakage) && parse.GetValue(breakdown) is null)
            {
                error.WriteLine("error: --leakage adds panels to the breakdown figure; give --breakdown FILE.svg too");
                return 2;
            }

            try
            {
                var table = Combine(paths);
                var target = parse.GetValue(output) ?? Path.ChangeExtension(paths[0], ".svg");
                var breakdownTarget = parse.GetValue(breakdown);
                var hasAccuracy = SweepFigures.HasAccuracy(table);
                var paretoTarget = parse.GetValue(pareto) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, SweepOutput.ParetoFile);

                // Before drawing: a target that cannot be written fails now, and nothing is half-written.
                OutputTargets.CheckFile("--out", target);
                OutputTargets.CheckFile("--breakdown", breakdownTarget);
                if (hasAccuracy)
                {
                    OutputTargets.CheckFile("--pareto", paretoTarget);
                    if (SameFile(paretoTarget, target) || (breakdownTarget is not null && SameFile(paretoTarget, breakdownTarget)))
                    {
                        throw new SpecException(new SpecError(paretoTarget, 0, 0, "--pareto", $"cannot write {paretoTarget}: it is also another figure of this command; give --pareto another file"));
                    }
                }
                else if (parse.GetValue(pareto) is not null)
                {
                    error.WriteLine("note: the table has no accuracy values, so there is no Pareto figure; --pareto was not written");
                }

                SweepOutput.WriteFigures(table, target, breakdownTarget, parse.GetValue(leakage));
                var written = new List<string> { target };
                if (breakdownTarget is not null)
                {
                    written.Add(breakdownTarget);
                }

                if (hasAccuracy && SweepOutput.WritePareto(table, paretoTarget))
                {
                    written.Add(paretoTarget);
                }

                parse.InvocationConfiguration.Output.WriteLine("wrote " + (written.Count == 1 ? written[0] : string.Join(", ", written[..^1]) + " and " + written[^1]));
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

    private static bool SameFile(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

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
