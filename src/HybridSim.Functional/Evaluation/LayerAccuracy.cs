namespace HybridSim.Functional.Evaluation;

/// <summary>One weight layer's output under the device against the ideal fixed-point output: RMS of the difference
/// over RMS of the ideal output, over the evaluated samples, mean over chip instances.</summary>
public sealed record LayerAccuracy(string Name, string Placement, double OutputErrorRms);
