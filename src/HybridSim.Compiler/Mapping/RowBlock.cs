using System.Collections.Immutable;

namespace HybridSim.Compiler.Mapping;

/// <summary>The input rows one MVMU of a column block holds: where each comes from in the input window.</summary>
/// <param name="Rows">Rows used (≤ the MVMU's rows).</param>
/// <param name="WeightsHeld">Weights stored in the MVMU for this block (rows × columns, or less when groups are packed block-diagonally).</param>
public sealed record RowBlock(ImmutableArray<InputSegment> Segments, int Rows, long WeightsHeld);
