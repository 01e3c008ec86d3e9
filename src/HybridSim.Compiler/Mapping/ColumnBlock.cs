using System.Collections.Immutable;

namespace HybridSim.Compiler.Mapping;

/// <summary>
/// Output channels [OutStart, OutStart + OutCount) of a matrix, computed by one MVMU per row block; the partial sums of
/// the row blocks are added on the vector ALU.
/// </summary>
public sealed record ColumnBlock(int OutStart, int OutCount, ImmutableArray<RowBlock> RowBlocks);
