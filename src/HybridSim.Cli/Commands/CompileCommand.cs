using System.CommandLine;
using System.Globalization;
using System.Text;
using HybridSim.Compiler;
using HybridSim.Compiler.Output;
using HybridSim.Compiler.Verification;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;
using HybridSim.Pipeline;

namespace HybridSim.Cli.Commands;

/// <summary>
/// <c>hybridsim compile --arch FILE --workload FILE|NAME [--freeze X | --rank R] [--set K=V]... --out DIR</c>: compiles one
/// point, checks the programs with <see cref="ProgramVerifier"/>, writes <c>DIR/summary.json</c> and the listings
/// (<see cref="CompileOutputWriter"/>) and prints a short summary.
/// </summary>
public static class CompileCommand
{
    /// <summary>Verifier problems printed before the rest are only counted.</summary>
    public const int MaxProblemsShown = 50;

    public static Command Create()
    {
        var point = new PointOptions();
        var output = new Option<string>("--out") { Description = "Directory for summary.json and the listings tile<N>/core<M>.asm, tile<N>/tile.asm", Required = true };

        var command = new Command("compile", "Compile one architecture/workload/partition point and write its programs as readable listings.");
        point.AddTo(command);
        command.Options.Add(output);

        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!point.TryRead(parse, error, out var partition, out var overrides))
            {
                return SpecAction.Usage;
            }

            if (OutputTargets.IsEmpty(error, "--out", parse.GetValue(output)))
            {
                return SpecAction.Usage;
            }

            return Execute(parse.GetValue(point.Arch)!, overrides, parse.GetValue(point.Workload)!, partition, parse.GetValue(output)!, parse.InvocationConfiguration.Output, error);
        });
        return command;
    }

    /// <summary>Compiles, verifies and writes the folder; returns the exit code (0, or 1 for invalid input or an inconsistent program).</summary>
    public static int Execute(string architecturePath, IEnumerable<string> overrides, string workloadName, PartitionSpec? partition, string outDirectory, TextWriter output, TextWriter error)
    {
        CompiledProgram program;
        try
        {
            OutputTargets.CheckFolder("--out", outDirectory);
            var architecture = ArchitectureLoader.Load(architecturePath, overrides);
            var workload = WorkloadLoader.Load(workloadName);
            program = ProgramCompiler.Compile(architecture, workload, partition ?? PointMeasurer.DefaultPartition(architecture, workload));
        }
        catch (SpecException e)
        {
            CliErrors.Print(error, e);
            return SpecAction.InvalidInput;
        }

        var problems = ProgramVerifier.Verify(program);
        if (!problems.IsEmpty)
        {
            error.WriteLine($"error: the compiled program is inconsistent ({problems.Length} problem(s)); nothing written");
            foreach (var problem in problems.Take(MaxProblemsShown))
            {
                error.WriteLine("  " + problem);
            }

            if (problems.Length > MaxProblemsShown)
            {
                error.WriteLine($"  ... and {problems.Length - MaxProblemsShown} more");
            }

            return SpecAction.InvalidInput;
        }

        CompileSummary summary;
        try
        {
            summary = CompileOutputWriter.Write(program, outDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write {outDirectory}: {e.Message}");
            return SpecAction.InvalidInput;
        }
        catch (SpecException e)
        {
            CliErrors.Print(error, e);
            return SpecAction.InvalidInput;
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.All(x => x is SpecException or IOException or UnauthorizedAccessException))
        {
            // Tiles are written in parallel: a full disk fails several of them at once; each distinct message once.
            foreach (var message in e.Flatten().InnerExceptions
                .SelectMany(x => x is SpecException s ? s.Errors.Select(r => "error: " + r) : [$"error: cannot write {outDirectory}: {x.Message}"])
                .Distinct(StringComparer.Ordinal).Take(MaxProblemsShown))
            {
                error.WriteLine(message);
            }

            return SpecAction.InvalidInput;
        }

        output.Write(Summary(summary, program.Tiles.Length + summary.Cores, outDirectory));
        return SpecAction.Ok;
    }

    /// <summary>The readable summary printed on stdout.</summary>
    /// <param name="listings">Listing files written (one per tile and one per core).</param>
    public static string Summary(CompileSummary summary, int listings, string outDirectory)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        void Row(string name, string value) => sb.Append(inv, $"  {name,-14} {value}\n");
        sb.Append(inv, $"{summary.Architecture} × {summary.Workload} ({summary.Partition}): compiled, programs consistent\n");
        Row("tiles", string.Create(inv, $"{summary.AnalogTiles} analog, {summary.DigitalTiles} digital ({summary.Cores} cores, mesh width {summary.MeshWidth})"));
        Row("MVMUs", string.Create(inv, $"{summary.AnalogMvmus} analog, {summary.DigitalMvmus} digital"));
        if (summary.SramMacros is { } macros)
        {
            Row("SRAM macros", string.Create(inv, $"{macros}"));
        }

        if (!summary.ClampedLayers.IsEmpty)
        {
            Row("rank clamped", $"{string.Join(", ", summary.ClampedLayers)} (min(in, out) below r: full-rank branch)");
        }

        Row("instructions", string.Create(inv, $"{summary.Instructions:N0} ({summary.MvmInstructions:N0} mvm)"));
        Row("weight layers", summary.WeightLayers.Length.ToString(inv));
        foreach (var c in summary.Capacity)
        {
            var kind = ListingFormatter.Kind(c.Kind);
            Row(kind + " tiles", string.Create(inv,
                $"max {c.MaxCoreInstructions:N0}{Over(c.CoreInstructionsFit)} of {c.CoreInstructionMemoryEntries:N0} core instructions, {c.MaxTileInstructions:N0}{Over(c.TileInstructionsFit)} of {c.TileInstructionMemoryEntries:N0} tile instructions, {c.MaxSharedMemoryWords:N0}{Over(c.SharedMemoryFits)} of {c.SharedMemoryWords:N0} shared-memory words"));
        }

        sb.Append(inv, $"wrote {Path.Combine(outDirectory, CompileOutputWriter.SummaryFile)} and {listings} listings in {outDirectory}\n");
        return sb.ToString();
    }

    private static string Over(bool fits) => fits ? "" : " (over)";
}
