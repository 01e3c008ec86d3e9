namespace HybridSim.Compiler.Mapping;

/// <summary>
/// A run of MVMU input rows fed from one window position: channels [Channel, Channel + Length) of the input pixel at
/// kernel offset (Ky, Kx), landing at Offset in the MVMU's input buffer.
/// </summary>
public readonly record struct InputSegment(int Ky, int Kx, int Channel, int Length, int Offset);
