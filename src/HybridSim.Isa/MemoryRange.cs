namespace HybridSim.Isa;

/// <summary>Length shared-memory words from Address, valid with Consumers readers.</summary>
public sealed record MemoryRange(int Address, int Length, int Consumers);
