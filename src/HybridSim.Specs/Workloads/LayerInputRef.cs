namespace HybridSim.Specs.Workloads;

/// <summary>A name in a layer's <c>inputs:</c> list and where it was written.</summary>
internal sealed record LayerInputRef(string Name, SourceLocation Location);
