namespace HybridSim.Compiler.Dataflow;

/// <summary>MVMU Local of a core holds row block RowBlock of column block ColumnBlock.</summary>
internal readonly record struct MvmuSlot(int Local, int ColumnBlock, int RowBlock);
