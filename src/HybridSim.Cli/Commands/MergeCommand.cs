using System.CommandLine;
using HybridSim.Specs.Validation;
using HybridSim.Sweeps;

namespace HybridSim.Cli.Commands;

/// <summary><c>hybridsim merge DIR... [--out DIR]</c>: combines the folders of the shards of one sweep into one table and figure.</summary>
public static class MergeCommand
{
    public static Command Create()
    {
        var folders = new Argument<string[]>("dir") { Description = "Sweep folders written with --shard I/N (same sweep command)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Folder for the merged points, sweep.csv and figures (default: the first DIR)" };
        var command = new Command("merge", "Combine shard folders of one sweep into one sweep.csv, sweep.svg and breakdown.svg.")
        {
            folders, output,
        };
        command.SetAction(parse =>
        {
            var dirs = parse.GetValue(folders)!;
            var error = parse.InvocationConfiguration.Error;
            if (OutputTargets.IsEmpty(error, "--out", parse.GetValue(output)))
            {
                return 2;
            }

            var target = parse.GetValue(output) ?? dirs[0];
            try
            {
                // Before reading any shard: an output folder that cannot be written fails now.
                OutputTargets.CheckFolder("--out", target, SweepOutput.TableFile, SweepOutput.FigureFile, SweepOutput.BreakdownFile, SweepOutput.ParetoFile, SweepManifest.FileName);
                var result = SweepMerge.Merge(dirs, target);
                foreach (var note in result.Notes)
                {
                    error.WriteLine("note: " + note);
                }

                parse.InvocationConfiguration.Output.WriteLine($"wrote {Path.Combine(target, SweepOutput.TableFile)} ({result.Table.Rows.Length} rows) from {dirs.Length} folder(s)");
                if (!result.MissingRows.IsEmpty)
                {
                    error.WriteLine($"error: {result.MissingRows.Length} point(s) have no result in any folder (a shard failed or has not finished):");
                    foreach (var point in result.MissingRows)
                    {
                        error.WriteLine($"  {point.Label}");
                    }

                    return 1;
                }

                return 0;
            }
            catch (SpecException e)
            {
                CliErrors.Print(error, e);
                return 1;
            }
        });
        return command;
    }
}
