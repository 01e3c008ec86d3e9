namespace HybridSim.Kernel;

/// <summary>A process blocked on an event, for deadlock reports: its name, the waited event's description, since when (ps).</summary>
public sealed record WaitingProcess(string Name, string WaitingOn, long Since);
