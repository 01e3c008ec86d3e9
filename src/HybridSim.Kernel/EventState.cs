namespace HybridSim.Kernel;

/// <summary>Life cycle of an event: pending (alive) → triggered (scheduled) → processed.</summary>
internal enum EventState : byte
{
    Pending = 0,
    Triggered = 1,
    Processed = 2,
}
