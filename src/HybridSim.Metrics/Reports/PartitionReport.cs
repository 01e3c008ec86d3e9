namespace HybridSim.Metrics.Reports;

/// <summary><c>{"kind":"freeze","x":13}</c> or <c>{"kind":"rank","r":4}</c>: Kind is "freeze" or "rank"; Value is x or r.</summary>
public sealed record PartitionReport(string Kind, int Value);
