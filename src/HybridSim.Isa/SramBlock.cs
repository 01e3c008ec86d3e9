namespace HybridSim.Isa;

/// <summary>
/// Dense SRAM-CIM packing (docs/model.md 3.3): where the matrix block of one MVMU slot sits in its core's macros and
/// how large it is. <paramref name="Macro"/> is the macro's index on the core, <paramref name="ShelfRow"/> the first row
/// of the block's shelf (blocks of one shelf take their passes one after another, shelves of a macro work side by side),
/// <paramref name="Rows"/> × <paramref name="Cols"/> the weights it holds: Cols passes of Rows MACs per MVM.
/// </summary>
public readonly record struct SramBlock(int Macro, int ShelfRow, int Rows, int Cols);
