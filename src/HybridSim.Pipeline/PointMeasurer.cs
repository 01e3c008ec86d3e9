using System.Collections.Immutable;
using HybridSim.Compiler;
using HybridSim.Hardware;
using HybridSim.Isa;
using HybridSim.Metrics.Area;
using HybridSim.Metrics.Measurement;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Pipeline;

/// <summary>The measuring half of the pipeline: a compiled program and its simulation become a report.</summary>
public static class PointMeasurer
{
    /// <summary>
    /// The partition a request without one gets: the architecture's own; otherwise all-RRAM when the architecture has
    /// only analog tiles and all-SRAM when it has only digital tiles.
    /// </summary>
    public static PartitionSpec DefaultPartition(ArchitectureSpec architecture, WorkloadSpec workload)
    {
        if (architecture.DefaultPartition is { } p)
        {
            // The file's partition was chosen for one network; say so when it does not fit another.
            if (p.Kind == PartitionKind.Freeze && p.Value > workload.WeightLayerCount)
            {
                throw new SpecException(new SpecError(
                    architecture.SourceFile, 0, 0, "partition",
                    $"the architecture's own partition freeze-{p.Value} does not fit {workload.Name}, which has {workload.WeightLayerCount} weight layers; give --freeze X (0 to {workload.WeightLayerCount}) or --rank R"));
            }

            return p;
        }

        if (architecture.DigitalTile is null)
        {
            return PartitionSpec.Freeze(workload.WeightLayerCount);
        }

        if (architecture.AnalogTile is null)
        {
            return PartitionSpec.Freeze(0);
        }

        throw new SpecException(new SpecError(
            architecture.SourceFile, 0, 0, "partition", "the architecture has analog and digital tiles but no default partition; give --freeze X or --rank R"));
    }

    /// <summary>Builds the report from the compiled program, its simulation and the area of the tiles it uses;
    /// <paramref name="sramMacros"/> is the SRAM-CIM macros that area counts (<see cref="AreaBreakdown.SramMacros"/>).</summary>
    public static RunReport Measure(
        CompiledProgram program,
        SimulationResult simulation,
        int batch,
        double wallSeconds,
        double areaMm2,
        ImmutableSortedDictionary<string, double> areaByComponentMm2,
        long sramMacros)
    {
        var statistics = simulation.Statistics
            .Add("analog_tiles", program.TileCount(TileKind.Analog))
            .Add("digital_tiles", program.TileCount(TileKind.Digital));
        var measurement = new RunMeasurement(
            program.Architecture,
            program.Workload,
            program.Partition,
            [.. program.Mappings.Select(m => new MappedMatrix(m.LayerIndex, m.Name, m.Placement, m.Rows, m.Cols, m.Mvmus, m.Mvms * batch))],
            simulation.Ledger,
            simulation.Cycles,
            simulation.Events,
            wallSeconds,
            batch,
            areaMm2,
            areaByComponentMm2,
            statistics)
        {
            SramCapacityWeights = program.Architecture.DigitalTile is { } digital ? sramMacros * digital.Core.Mvmu.Rows * digital.Core.Mvmu.Cols : 0,
            ClampedLayers = program.ClampedLayers,
        };
        return ReportBuilder.Build(measurement);
    }

    /// <summary>
    /// Area of the node that runs <paramref name="program"/> (docs/model.md section 7): a tile kind with a fixed count in the
    /// architecture counts that many tiles; an <c>auto</c> count counts only the tiles the program uses.
    /// </summary>
    public static AreaBreakdown UsedArea(CompiledProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var architecture = program.Architecture;
        return AreaRollup.Compute(
            architecture,
            architecture.AnalogTile?.Count ?? program.TileCount(TileKind.Analog),
            architecture.DigitalTile?.Count ?? program.TileCount(TileKind.Digital),
            architecture.DigitalTile?.Count is null ? program.SramMacros : null);
    }
}
