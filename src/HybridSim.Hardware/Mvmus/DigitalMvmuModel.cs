using System.Collections.Immutable;
using HybridSim.Activity;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;

namespace HybridSim.Hardware.Mvmus;

/// <summary>
/// SRAM digital MVMU (HyperX section III-A): one output element per pass over a weight row.
/// Table model: latency MvmLatencySeconds and one <c>mvmu</c> <c>mvm</c> action per MVM (PUMA's constants_digital.py).
/// PerMac model: latency Cols × RowPassSeconds; per MVM Cols <c>sram</c> row reads, Cols × Macs <c>mac</c> actions,
/// Rows input-buffer reads and Cols output-buffer writes.
/// Dense SRAM-CIM packing (<see cref="DigitalMvmuSpec.MacrosPerCore"/>, docs/model.md 3.3): an mvm costs and takes what
/// its masked blocks compute, <see cref="CountBlocks"/>.
/// </summary>
public sealed class DigitalMvmuModel : MvmuModel
{
    private readonly (int Slot, long PerMvm)[] _counts;
    private readonly int _macSlot;
    private readonly int _weightReadSlot;
    private readonly int _inputReadSlot;
    private readonly int _outputWriteSlot;
    private readonly double _rowPassCycles;

    // Passes per (macro, shelf row) of the mvm being counted; every entry is back at zero between mvms.
    private readonly long[] _shelfPasses = [];

    public DigitalMvmuModel(ArchitectureSpec architecture, TileSpec tile, DigitalMvmuSpec spec, ActivityLedger ledger)
    {
        Spec = spec;
        Concurrent = tile.Core.MvmusConcurrent;
        var kind = tile.Kind;
        if (spec.CostModel == DigitalCostModel.Table)
        {
            LatencyCycles = Cycles.FromSeconds(MvmuTiming.DigitalLatencySeconds(spec), architecture.ClockHz, architecture.SourceFile, "tiles.digital.core.mvmu.mvm_latency");
            _counts = [(ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.DigitalMvmu, ComponentActions.Mvm), 1)];
        }
        else
        {
            LatencyCycles = Cycles.FromSeconds(MvmuTiming.DigitalLatencySeconds(spec), architecture.ClockHz, architecture.SourceFile, "tiles.digital.core.mvmu.row_pass_latency");
            _counts =
            [
                (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.Sram, ComponentActions.Read), spec.Cols),
                (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.Mac, ComponentActions.Mac), (long)spec.Cols * spec.Macs),
                (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.InputBuffer, ComponentActions.Read), spec.Rows),
                (ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.OutputBuffer, ComponentActions.Write), spec.Cols),
            ];
            if (spec.MacrosPerCore is { } macros)
            {
                _macSlot = ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.Mac, ComponentActions.Mac);
                _weightReadSlot = ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.Sram, ComponentActions.WeightRead);
                _inputReadSlot = ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.InputBuffer, ComponentActions.Read);
                _outputWriteSlot = ledger.Slot(ActivityScope.Mvmu, kind, ComponentCatalogue.OutputBuffer, ComponentActions.Write);
                _rowPassCycles = spec.RowPassSeconds * architecture.ClockHz;
                _shelfPasses = new long[macros * spec.Rows];
            }
        }
    }

    public DigitalMvmuSpec Spec { get; }

    public override long LatencyCycles { get; }

    public override bool Concurrent { get; }

    public override UnitKind Unit => UnitKind.DigitalMvmu;

    public override void Count(ActivityLedger ledger, int active, int layer)
    {
        foreach (var (slot, perMvm) in _counts)
        {
            ledger.Add(slot, layer, perMvm * active);
        }
    }

    /// <summary>Cycles of <paramref name="passes"/> row passes: ⌈passes × row-pass time⌉, so a full macro's Cols passes take <see cref="LatencyCycles"/>.</summary>
    public long PassCycles(long passes) => (long)ClockCycles.RoundUp(passes * _rowPassCycles);

    /// <summary>
    /// Dense SRAM-CIM packing (docs/model.md 3.3): counts one mvm over the masked slots' blocks and returns its cycles and
    /// the passes the blocks take. A block of h × w does w passes of h MACs: h·w <c>mac</c> and h·w <c>sram</c>
    /// <c>weight_read</c>, h <c>input_buffer</c> reads and w <c>output_buffer</c> writes. Blocks beside each other on a
    /// shelf take their passes one after another; shelves and macros work side by side, so the mvm takes the longest
    /// shelf's passes.
    /// </summary>
    public (long Cycles, long Passes) CountBlocks(ActivityLedger ledger, ulong mask, ImmutableArray<SramBlock> blocks, int layer)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        long macs = 0, rows = 0, cols = 0, longest = 0;
        var rest = mask;
        while (rest != 0)
        {
            var slot = System.Numerics.BitOperations.TrailingZeroCount(rest);
            rest &= rest - 1;
            var b = blocks[slot];
            macs += (long)b.Rows * b.Cols;
            rows += b.Rows;
            cols += b.Cols;
            var shelf = (b.Macro * Spec.Rows) + b.ShelfRow;
            _shelfPasses[shelf] += b.Cols;
            longest = Math.Max(longest, _shelfPasses[shelf]);
        }

        rest = mask;
        while (rest != 0)
        {
            var b = blocks[System.Numerics.BitOperations.TrailingZeroCount(rest)];
            rest &= rest - 1;
            _shelfPasses[(b.Macro * Spec.Rows) + b.ShelfRow] = 0;
        }

        ledger.Add(_macSlot, layer, macs);
        ledger.Add(_weightReadSlot, layer, macs);
        ledger.Add(_inputReadSlot, layer, rows);
        ledger.Add(_outputWriteSlot, layer, cols);
        return (PassCycles(longest), cols);
    }
}
