namespace HybridSim.Kernel;

/// <summary>Description and failure of an event that has both (see the shared field in <see cref="Event"/>).</summary>
internal sealed record FailedEventInfo(string Description, Exception Exception);
