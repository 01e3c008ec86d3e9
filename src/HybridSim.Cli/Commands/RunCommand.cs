using HybridSim.Specs.Output;
using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using HybridSim.Hardware;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Pipeline;

namespace HybridSim.Cli.Commands;

/// <summary>
/// <c>hybridsim run --arch FILE --workload FILE|NAME [--freeze X | --rank R] [--set K=V]... [--batch N] [--out DIR] [--trace FILE]</c>:
/// simulates one point and prints a summary; <c>--out</c> writes report.json and resolved-arch.yaml.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var point = new PointOptions();
        var batch = new Option<int>("--batch") { Description = "Stream N inputs through the pipeline (throughput, steady-state interval)", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Directory for report.json and resolved-arch.yaml" };
        var trace = new Option<string?>("--trace") { Description = "Write a Chrome trace-event timeline (open in Perfetto)" };
        var programWeights = new Option<bool>("--program") { Description = "Also report the cost of programming every weight of the partition: programming_energy_pj, programming_latency_ns, endurance_used" };

        var command = new Command("run", "Simulate one architecture/workload/partition point and report latency, energy, area and ANL.");
        point.AddTo(command);
        command.Options.Add(batch);
        command.Options.Add(output);
        command.Options.Add(trace);
        command.Options.Add(programWeights);

        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!point.TryRead(parse, error, out var partition, out var overrides))
            {
                return SpecAction.Usage;
            }

            var n = parse.GetValue(batch);
            if (n < 1)
            {
                error.WriteLine("error: --batch must be at least 1");
                return SpecAction.Usage;
            }

            if (n > SimulationOptions.MaxBatch)
            {
                // Refused before loading anything: the run keeps one end time per inference and re-runs every program.
                CliErrors.Print(error, new SpecException(new SpecError("--batch", 0, 0, n.ToString(CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"out of range: expected an integer from 1 to {SimulationOptions.MaxBatch} (inferences streamed through one run)"))));
                return SpecAction.InvalidInput;
            }

            if (OutputTargets.IsEmpty(error, "--out", parse.GetValue(output)) || OutputTargets.IsEmpty(error, "--trace", parse.GetValue(trace)))
            {
                return SpecAction.Usage;
            }

            var request = new RunRequest(parse.GetValue(point.Arch)!, overrides, parse.GetValue(point.Workload)!, partition, n, parse.GetValue(programWeights));
            return Execute(request, parse.GetValue(output), parse.GetValue(trace), parse.InvocationConfiguration.Output, error);
        });
        return command;
    }

    public static int Execute(RunRequest request, string? outDirectory, string? tracePath, TextWriter output, TextWriter error)
    {
        RunOutcome outcome;
        try
        {
            // Before simulating: an unwritable target would otherwise fail only after the whole run.
            OutputTargets.CheckFolder("--out", outDirectory, "report.json", "resolved-arch.yaml");
            OutputTargets.CheckFile("--trace", tracePath);
            outcome = RunPipeline.Run(request, tracePath);
        }
        catch (SpecException e)
        {
            CliErrors.Print(error, e);
            return 1;
        }
        catch (DeadlockException e)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }

        CliErrors.PrintWarnings(error, outcome.Architecture.Warnings);
        if (outDirectory is not null)
        {
            try
            {
                ReportJson.WriteFile(Path.Combine(outDirectory, "report.json"), outcome.Report);
                SafeFile.WriteAllText(Path.Combine(outDirectory, "resolved-arch.yaml"), outcome.ResolvedArchitectureYaml);
            }
            catch (SpecException e)
            {
                CliErrors.Print(error, e);
                return 1;
            }
        }

        output.Write(Summary(outcome));
        if (tracePath is not null)
        {
            output.WriteLine(outcome.TraceSpansDropped > 0
                ? $"trace: {tracePath} (bounded: {outcome.TraceSpansDropped} spans dropped, see otherData.note)"
                : $"trace: {tracePath}");
        }

        if (outDirectory is not null)
        {
            output.WriteLine($"wrote {Path.Combine(outDirectory, "report.json")} and {Path.Combine(outDirectory, "resolved-arch.yaml")}");
        }

        return 0;
    }

    /// <summary>The readable summary printed on stdout.</summary>
    public static string Summary(RunOutcome outcome)
    {
        var r = outcome.Report;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        void Row(string name, string value) => sb.Append(inv, $"  {name,-28} {value}\n");
        sb.Append(inv, $"{r.Architecture} × {r.Workload} ({outcome.Partition})\n");
        Row("cycles", r.Cycles.ToString("N0", inv));
        Row("latency", Engineering(r.LatencyNs * 1e-9, "s"));
        Row("dynamic energy", Engineering(r.DynamicEnergyPj * 1e-12, "J"));
        Row("leakage energy", Engineering(r.LeakageEnergyPj * 1e-12, "J"));
        Row("total energy", Engineering(r.TotalEnergyPj * 1e-12, "J"));
        Row("area", r.AreaMm2.ToString("0.###", inv) + " mm²");
        Row("ANL", r.AnlMsMm2.ToString("0.####", inv) + " ms·mm²");
        Row("SRAM weight fraction", r.SramWeightFraction.ToString("0.####", inv));
        if (r.SramUtilization > 0)
        {
            Row("SRAM utilization", r.SramUtilization.ToString("0.####", inv));
        }

        if (!r.Partition.ClampedLayers.IsEmpty)
        {
            Row("rank clamped", $"{string.Join(", ", r.Partition.ClampedLayers)} (min(in, out) below r: full-rank branch)");
        }

        foreach (var key in new[] { "batch", "throughput_inferences_per_s", "steady_state_interval_ns", "utilization_analog_mvmu", "utilization_digital_mvmu", "utilization_link", "noc_packets" })
        {
            if (r.Extra.TryGetValue(key, out var v))
            {
                Row(key.Replace('_', ' '), v.ToString("0.####", inv));
            }
        }

        if (r.Programming is { } p)
        {
            Row("programming energy", Engineering(p.EnergyPj * 1e-12, "J"));
            Row("programming latency", Engineering(p.LatencyNs * 1e-9, "s"));
            Row("endurance used", p.EnduranceUsed.ToString("0.###E+0", inv));
            foreach (var (name, part) in new[] { ("RRAM", p.Rram), ("SRAM", p.Sram) })
            {
                Row($"  {name} programming", string.Create(inv, $"{part.CellsWritten:N0} cells, {part.RowsWritten:N0} rows, {Engineering(part.EnergyPj * 1e-12, "J")}, {Engineering(part.LatencyNs * 1e-9, "s")}"));
            }
        }

        Row("simulated events", r.Simulator.Events.ToString("N0", inv));
        Row("wall time", r.Simulator.WallSeconds.ToString("0.###", inv) + " s");

        sb.Append("\n  energy by component (dynamic)\n");
        var total = Math.Max(r.DynamicEnergyPj, double.Epsilon);
        foreach (var (name, pj) in r.EnergyByComponentPj.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(12))
        {
            sb.Append(inv, $"    {name,-32} {Engineering(pj * 1e-12, "J"),12} {100 * pj / total,6:0.0}%\n");
        }

        var weightLayers = r.Layers.Where(l => l.Mvms > 0).ToImmutableArray();
        if (!weightLayers.IsEmpty)
        {
            sb.Append(inv, $"\n  {"layer",-20} {"placement",-9} {"mvmus",6} {"mvms",10} {"start",12} {"end",12} {"dyn. energy",12}\n");
            foreach (var l in weightLayers)
            {
                sb.Append(inv, $"  {l.Name,-20} {l.Placement,-9} {l.Mvmus,6} {l.Mvms,10} {Engineering(l.StartNs * 1e-9, "s"),12} {Engineering(l.EndNs * 1e-9, "s"),12} {Engineering(l.DynamicEnergyPj * 1e-12, "J"),12}\n");
            }
        }

        return sb.ToString();
    }

    private static string Engineering(double value, string unit)
    {
        if (value == 0)
        {
            return "0 " + unit;
        }

        string[] prefixes = ["f", "p", "n", "µ", "m", "", "k", "M", "G"];
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)) / 3);
        exponent = Math.Clamp(exponent, -5, 3);
        var scaled = value / Math.Pow(10, exponent * 3);
        return scaled.ToString("0.###", CultureInfo.InvariantCulture) + " " + prefixes[exponent + 5] + unit;
    }
}
