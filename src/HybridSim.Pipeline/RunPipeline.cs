using HybridSim.Specs.Units;
using System.Collections.Immutable;
using System.Diagnostics;
using HybridSim.Compiler;
using HybridSim.Hardware;
using HybridSim.Hardware.Programming;
using HybridSim.Hardware.Tracing;
using HybridSim.Metrics.Programming;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Pipeline;

/// <summary>
/// The one place that runs a point: load the architecture (with overrides) and the workload, compile, simulate, measure.
/// Both <c>hybridsim run</c> and the sweeps call it.
/// </summary>
public static class RunPipeline
{
    /// <summary>Runs one point; with <paramref name="tracePath"/> also writes a Chrome trace-event timeline there.</summary>
    /// <exception cref="HybridSim.Specs.Validation.SpecException">Invalid architecture, workload or partition.</exception>
    /// <exception cref="HybridSim.Hardware.DeadlockException">The compiled program cannot finish.</exception>
    public static RunOutcome Run(RunRequest request, string? tracePath = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Batch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "batch must be at least 1");
        }

        var architecture = ArchitectureLoader.Load(request.ArchitecturePath, request.Overrides.IsDefault ? [] : request.Overrides);
        var workload = WorkloadLoader.Load(request.Workload);
        var partition = request.Partition ?? PointMeasurer.DefaultPartition(architecture, workload);
        var trace = tracePath is null ? null : new TraceRecorder();

        // Wall time is the simulator's own work on this point: compiling and simulating, not loading or measuring.
        var clock = Stopwatch.StartNew();
        var program = ProgramCompiler.Compile(architecture, workload, partition);
        var simulation = HardwareSimulator.Run(program, new SimulationOptions(request.Batch, trace));
        clock.Stop();

        if (trace is not null)
        {
            trace.WriteFile(tracePath!);
        }

        var area = PointMeasurer.UsedArea(program);
        var report = PointMeasurer.Measure(
            program,
            simulation,
            request.Batch,
            clock.Elapsed.TotalSeconds,
            area.TotalMm2,
            area.ByComponent.ToImmutableSortedDictionary(kv => kv.Key, kv => Si.SquareMillimetres(kv.Value), StringComparer.Ordinal),
            area.SramMacros);
        if (trace is not null)
        {
            report = report with { Simulator = report.Simulator with { TraceSpans = trace.SpanCount, TraceDroppedSpans = trace.DroppedSpans } };
        }

        if (request.Program)
        {
            report = report with { Programming = ProgrammingCost.Compute(architecture, WeightProgrammer.Program(program)) };
        }

        return new RunOutcome(
            report,
            ResolvedArchitectureWriter.Write(architecture),
            architecture,
            workload,
            partition,
            trace?.DroppedSpans ?? 0);
    }
}
