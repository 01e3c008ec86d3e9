namespace HybridSim.Kernel;

/// <summary>Where a <see cref="Request"/> stands with its resource.</summary>
public enum RequestState : byte
{
    /// <summary>Waiting in the resource's queue.</summary>
    Queued,

    /// <summary>Holds a slot.</summary>
    Granted,

    /// <summary>Held a slot and gave it back.</summary>
    Released,

    /// <summary>Withdrawn from the queue before being granted.</summary>
    Cancelled,
}
