using System.Collections.Immutable;
using System.Diagnostics;
using HybridSim.Compiler;
using HybridSim.Hardware;
using HybridSim.Hardware.Tracing;
using HybridSim.Metrics.Area;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Sweeps.Pipeline;

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
        var architecture = ArchitectureLoader.Load(request.ArchitecturePath, request.Overrides);
        var workload = WorkloadLoader.Load(request.Workload);
        var partition = request.Partition ?? PointMeasurer.DefaultPartition(architecture, workload);

        var clock = Stopwatch.StartNew();
        var program = ProgramCompiler.Compile(architecture, workload, partition);
        var trace = tracePath is null ? null : new TraceRecorder();
        var simulation = HardwareSimulator.Run(program, new SimulationOptions(request.Batch, trace));
        var wall = clock.Elapsed.TotalSeconds;
        trace?.WriteFile(tracePath!);

        // Auto tile counts: only the tiles the mapping uses have area; a fixed count has it all.
        var area = AreaRollup.Compute(
            architecture,
            architecture.AnalogTile?.Count ?? program.TileCount(TileKind.Analog),
            architecture.DigitalTile?.Count ?? program.TileCount(TileKind.Digital));
        var areaByComponent = area.ByComponent.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value * 1e6, StringComparer.Ordinal);
        var report = PointMeasurer.Measure(program, simulation, request.Batch, wall, area.TotalSquareMeters * 1e6, areaByComponent);
        return new RunOutcome(
            report,
            ResolvedArchitectureWriter.Write(architecture),
            architecture,
            workload,
            partition,
            trace?.DroppedSpans ?? 0);
    }
}
