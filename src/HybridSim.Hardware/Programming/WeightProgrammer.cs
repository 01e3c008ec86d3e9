using HybridSim.Activity;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;

namespace HybridSim.Hardware.Programming;

/// <summary>
/// Programs the weights of a compiled program into its MVMUs and counts what that writes (docs/model.md, "Programming
/// the weights"). The parallelism model:
/// <list type="bullet">
/// <item>an array (one RRAM bit-slice crossbar, or one SRAM weight buffer) is written one row at a time, all the row's
/// columns at once, each row taking <c>write.row_latency</c>;</item>
/// <item>the weight_bits / bits_per_cell slices of one RRAM MVMU are written at the same time (each has its own bit lines);</item>
/// <item>blocks that share an MVMU are written one after another;</item>
/// <item><c>write.parallel_mvmus</c> MVMUs of one core at a time, in MVMU order, each starting as soon as one of the
/// core's write paths is free;</item>
/// <item>every core and every tile at the same time: the weights are taken to be on chip already (no off-chip or NoC
/// transfer is counted).</item>
/// </list>
/// Counts: one <c>cell:write</c> per cell (an RRAM weight spans weight_bits / bits_per_cell cells, an SRAM weight
/// weight_bits bit cells) and one <c>row:write</c> per row of one array, per layer; no energy here.
/// </summary>
public static class WeightProgrammer
{
    /// <summary>Programs every block <paramref name="include"/> selects (all when null).</summary>
    /// <exception cref="SpecException">A selected block sits on an MVMU whose architecture gives no <c>write</c> figures.</exception>
    public static ProgrammingActivity Program(CompiledProgram program, Func<WeightBlock, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        var architecture = program.Architecture;
        var ledger = new ActivityLedger(program.Workload.Layers.Length, architecture.CyclePicoseconds);
        var picoseconds = new long[2];
        foreach (var kind in new[] { TileKind.Analog, TileKind.Digital })
        {
            var blocks = program.WeightBlocks.Where(b => b.Placement == kind && (include is null || include(b))).ToList();
            if (blocks.Count == 0)
            {
                continue;
            }

            var mvmu = architecture.Tile(kind).Core.Mvmu;
            var lower = kind == TileKind.Analog ? "analog" : "digital";
            var write = mvmu.Write ?? throw new SpecException(new SpecError(architecture.SourceFile, 0, 0, $"tiles.{lower}.core.mvmu.write",
                $"missing: programming the weights needs the {lower} MVMU's write figures (cell_energy, row_latency, endurance, parallel_mvmus, source; docs/architecture-files.md)"));
            var slices = mvmu is AnalogMvmuSpec analog ? analog.PhysicalCrossbars : 1;
            var cellsPerWeight = mvmu is AnalogMvmuSpec a ? a.PhysicalCrossbars : mvmu.WeightBits;
            var rowPicoseconds = checked((long)Math.Round(write.RowLatencySeconds * 1e12));
            var cellSlot = ledger.Slot(ActivityScope.Mvmu, kind, ProgrammingActivity.Cell, ProgrammingActivity.Write);
            var rowSlot = ledger.Slot(ActivityScope.Mvmu, kind, ProgrammingActivity.Row, ProgrammingActivity.Write);
            foreach (var block in blocks)
            {
                ledger.Add(cellSlot, block.LayerIndex, checked(block.Weights * cellsPerWeight));
                ledger.Add(rowSlot, block.LayerIndex, checked((long)block.Rows * slices));
            }

            foreach (var core in blocks.GroupBy(b => (b.Tile, b.Core)))
            {
                var rowsPerMvmu = core.GroupBy(b => b.Mvmu).OrderBy(g => g.Key).Select(g => g.Sum(b => (long)b.Rows)).ToList();
                picoseconds[(int)kind] = Math.Max(picoseconds[(int)kind], CoreTime(rowsPerMvmu, write.ParallelMvmus, rowPicoseconds));
            }
        }

        ledger.EndPicoseconds = Math.Max(picoseconds[0], picoseconds[1]);
        return new ProgrammingActivity(ledger, picoseconds[0], picoseconds[1], WritesPerCell: 1);
    }

    /// <summary>
    /// Time one core takes: its MVMUs in order, each on the write path that frees first (the lowest-numbered on a tie),
    /// <paramref name="parallel"/> paths; an MVMU takes its rows × the row latency.
    /// </summary>
    public static long CoreTime(IReadOnlyList<long> rowsPerMvmu, int parallel, long rowPicoseconds)
    {
        ArgumentNullException.ThrowIfNull(rowsPerMvmu);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        var paths = new long[Math.Min(parallel, Math.Max(1, rowsPerMvmu.Count))];
        foreach (var rows in rowsPerMvmu)
        {
            var first = 0;
            for (var p = 1; p < paths.Length; p++)
            {
                if (paths[p] < paths[first])
                {
                    first = p;
                }
            }

            paths[first] = checked(paths[first] + (rows * rowPicoseconds));
        }

        return paths.Length == 0 ? 0 : paths.Max();
    }
}
