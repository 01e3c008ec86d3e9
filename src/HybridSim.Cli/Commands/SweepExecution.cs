using HybridSim.Specs.Input;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;
using HybridSim.Sweeps;

namespace HybridSim.Cli.Commands;

/// <summary>Runs an expanded sweep for the CLI and explains the outcome: failures, missing baselines, shards, resume.</summary>
public static class SweepExecution
{
    /// <summary>Most lines of "recomputing" notes printed; the rest are counted.</summary>
    public const int MaxListedLines = 10;

    /// <param name="confirmed"><c>--yes</c>: run a plan larger than <see cref="SweepDefinition.ConfirmPoints"/> points per process.</param>
    /// <param name="command">How the run describes itself in the folder's lock (e.g. the command line).</param>
    public static int Run(SweepDefinition definition, SweepBackend backend, string directory, int jobs, ShardSpec shard, TextWriter output, TextWriter error, CancellationToken token,
        bool confirmed = false, string command = "sweep")
    {
        SweepPlan plan;
        SweepFolderLock folderLock;
        backend = backend.Cached();
        try
        {
            // Counted, not expanded: a plan of millions of points is refused in milliseconds.
            definition.CheckSize(shard, confirmed);
        }
        catch (SpecException e)
        {
            CliErrors.Print(error, e);
            return 2;
        }

        try
        {
            // Before planning and simulating: an unwritable folder would otherwise fail only at the end.
            OutputTargets.CheckFolder("--out", directory, SweepOutput.TableFile, SweepOutput.FigureFile, SweepOutput.BreakdownFile, SweepOutput.ParetoFile);

            // Before the point keys digest the input files: a device or FIFO is refused, never read or waited on.
            foreach (var architecture in definition.Architectures)
            {
                InputFile.CheckRegular(architecture, "--arch", "a YAML file");
            }

            if (!WorkloadLocator.IsBareName(definition.Workload))
            {
                InputFile.CheckRegular(definition.Workload, "--workload", "a YAML file");
            }

            // One check of every --set and --vary key per architecture, instead of a failure at every point.
            definition.CheckOverrides(backend);
            plan = definition.Expand(backend);
            CliErrors.PrintWarnings(error, SweepWarnings.Of(plan));
            folderLock = SweepRunner.Join(plan, directory, shard, command);
        }
        catch (SpecException e)
        {
            CliErrors.Print(error, e);
            return 1;
        }

        using (folderLock)
        {
            return RunLocked(plan, backend, directory, jobs, shard, output, error, folderLock, token);
        }
    }

    private static int RunLocked(SweepPlan plan, SweepBackend backend, string directory, int jobs, ShardSpec shard, TextWriter output, TextWriter error, SweepFolderLock folderLock, CancellationToken token)
    {
        foreach (var stale in folderLock.RemovedStale)
        {
            error.WriteLine($"note: removed a stale lock in {Path.Combine(directory, SweepFolderLock.LockFolder)} (pid {stale.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)}, started {stale.ProcessStarted}: that process is gone)");
        }

        foreach (var other in folderLock.Joined)
        {
            error.WriteLine($"note: another run of this sweep is working in {directory} ({other.Describe()}); joining it: points it computes are waited for and reused, not computed twice");
        }

        var live = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var result = new SweepRunner(backend, new ConsoleSweepProgress(output, live)).Run(plan, directory, shard, jobs, folderLock, token);
        foreach (var (redo, index) in result.Recomputed.Select((r, i) => (r, i)))
        {
            if (index == MaxListedLines)
            {
                error.WriteLine($"note: ... and {(result.Recomputed.Length - MaxListedLines).ToString(System.Globalization.CultureInfo.InvariantCulture)} more point file(s) computed again");
                break;
            }

            error.WriteLine($"note: not reused, computed again: {redo.Path}: {redo.Problem}");
        }

        if (result.Recomputed.Length > 0)
        {
            error.WriteLine($"note: {result.Recomputed.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} point file(s) did not check out (edited, torn, another format or other inputs) and were computed again");
        }

        if (result.ReusedFromOtherRuns > 0)
        {
            error.WriteLine($"note: {result.ReusedFromOtherRuns.ToString(System.Globalization.CultureInfo.InvariantCulture)} point(s) were finished by another run of this sweep in the same folder and reused");
        }

        if (result.WriteFailure is { } writeFailure)
        {
            CliErrors.Print(error, writeFailure);
            error.WriteLine($"error: the sweep stopped; {result.Reused + result.Simulated} finished point(s) are kept in {Path.Combine(directory, SweepRunner.PointsFolder)}; free space (or fix the folder) and rerun the same command to continue");
            return 1;
        }

        // A baseline run only for the ratios may fail legitimately (an architecture without digital tiles has no
        // all-SRAM point): that is a note, and the improvement columns stay empty; a requested point failing is an error.
        var failed = result.Failures.Where(f => f.Point.InTable).ToList();
        foreach (var baseline in result.Failures.Where(f => !f.Point.InTable))
        {
            error.WriteLine($"note: reference point {baseline.Point.Label} could not run: {FirstLine(baseline.Error)}");
        }

        if (result.Interrupted)
        {
            error.WriteLine($"interrupted: finished points are kept in {Path.Combine(directory, SweepRunner.PointsFolder)}; rerun the same command to continue");
            return 1;
        }

        var complete = shard.Count == 1 || SweepMerge.MissingPoints(plan, directory).IsEmpty;
        if (complete)
        {
            SweepTableResult table;
            try
            {
                table = SweepOutput.Write(directory, plan, key => SweepRunner.TryReadPoint(directory, key));
            }
            catch (SpecException e)
            {
                CliErrors.Print(error, e);
                return 1;
            }

            foreach (var note in table.Notes)
            {
                error.WriteLine("note: " + note);
            }

            var pareto = SweepFigures.HasAccuracy(table.Table) ? $", {Path.Combine(directory, SweepOutput.ParetoFile)}" : "";
            output.WriteLine($"wrote {Path.Combine(directory, SweepOutput.TableFile)} ({table.Table.Rows.Length} rows), {Path.Combine(directory, SweepOutput.FigureFile)}, {Path.Combine(directory, SweepOutput.BreakdownFile)}{pareto}");
            if (plan.MaxAccuracyDrop is { } drop)
            {
                output.WriteLine($"operating point (max accuracy drop {drop.ToString(System.Globalization.CultureInfo.InvariantCulture)} points; {Path.Combine(directory, Sweeps.Accuracy.OperatingPoint.FileName)}):");
                foreach (var line in Sweeps.Accuracy.OperatingPoint.Describe(table.Choices, drop))
                {
                    output.WriteLine("  " + line);
                }
            }
        }
        else
        {
            output.WriteLine($"shard {shard}: done; when every shard has finished, combine the folders with: hybridsim merge DIR... --out DIR");
        }

        if (failed.Count > 0)
        {
            error.WriteLine($"error: {failed.Count} point(s) failed (full messages in {Path.Combine(directory, SweepRunner.FailedFolder)}; rerun the same command to retry only these):");
            foreach (var failure in failed)
            {
                error.WriteLine($"  {failure.Point.Label}: {FirstLine(failure.Error)}");
            }

            return 1;
        }

        return 0;
    }

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd();
}
