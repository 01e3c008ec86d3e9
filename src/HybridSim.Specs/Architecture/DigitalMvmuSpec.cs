using System.Collections.Immutable;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// SRAM digital MVMU: Macs fixed-point MACs over a Rows × Cols weight buffer; one output element per pass
/// over a weight row (HyperX III-A). Components (per MVMU): <c>mvmu</c> (Table model) or <c>sram</c> and <c>mac</c> (PerMac model),
/// plus <c>input_buffer</c> and <c>output_buffer</c>.
/// </summary>
/// <param name="MvmLatencySeconds">Table model: latency of one full MVM.</param>
/// <param name="RowPassSeconds">PerMac model: latency of one pass over a weight row (one output element).</param>
public sealed record DigitalMvmuSpec(
    int Rows,
    int Cols,
    int WeightBits,
    int InputBits,
    int Macs,
    DigitalCostModel CostModel,
    double MvmLatencySeconds,
    double RowPassSeconds,
    ImmutableArray<ComponentSpec> Components)
    : MvmuSpec(Rows, Cols, WeightBits, InputBits, Components)
{
    /// <summary>
    /// Dense SRAM-CIM packing: each MVMU of Rows × Cols is one SRAM-CIM macro, and the matrix blocks of a core (one per
    /// MVMU slot an mvm mask addresses) are packed into at most this many macros per core, several blocks to a macro.
    /// Null: every MVMU holds one block and is its own macro.
    /// </summary>
    public int? MacrosPerCore { get; init; }
}
