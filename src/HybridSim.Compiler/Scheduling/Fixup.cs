using HybridSim.Compiler.Dataflow;

namespace HybridSim.Compiler.Scheduling;

/// <summary>An instruction whose shared-memory address is known only once the rings have their final sizes.</summary>
internal readonly record struct Fixup(int Index, TensorBuffer Buffer, int Pixel, int Channel);
