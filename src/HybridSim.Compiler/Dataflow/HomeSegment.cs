namespace HybridSim.Compiler.Dataflow;

/// <summary>Channels [Start, Start + Count) of a tensor are produced (stored) in tile Tile.</summary>
internal readonly record struct HomeSegment(int Tile, int Start, int Count);
