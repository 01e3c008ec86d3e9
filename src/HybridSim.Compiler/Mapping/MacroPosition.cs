namespace HybridSim.Compiler.Mapping;

/// <summary>Where a matrix block sits in a core's SRAM-CIM macros: macro index on the core, first row, first column.</summary>
public readonly record struct MacroPosition(int Macro, int Row, int Col);
