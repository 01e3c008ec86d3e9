namespace HybridSim.Functional.Data;

/// <summary>
/// What <c>--data</c> names: a train part when the source has one (IDX and CIFAR folders, the embedded digits),
/// and the part to evaluate on (the test part, or the whole file given by path).
/// </summary>
public sealed record DataSplit(Dataset? Train, Dataset Test);
