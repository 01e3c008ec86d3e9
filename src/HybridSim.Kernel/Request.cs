using System.Globalization;

namespace HybridSim.Kernel;

/// <summary>
/// A request for one slot of a <see cref="Resource"/>: an event that succeeds when the slot is granted.
/// <see cref="Dispose"/> releases the slot (or withdraws the request if it is still queued), so
/// <c>using (var req = res.Request()) { yield return req; ... }</c> releases even when the process fails.
/// </summary>
public sealed class Request : Event, IDisposable
{
    internal Request(Resource resource, int priority, long requestedAt)
        : base(resource.Simulation)
    {
        Resource = resource;
        Priority = priority;
        RequestedAt = requestedAt;
    }

    /// <summary>The resource asked for.</summary>
    public Resource Resource { get; }

    /// <summary>Queue priority: lower values are served first, ties FIFO.</summary>
    public int Priority { get; }

    /// <summary>When the request was made (ps).</summary>
    public long RequestedAt { get; }

    /// <summary>When the slot was granted (ps), or -1 while not granted.</summary>
    public long GrantedAt { get; internal set; } = -1;

    /// <summary>Queued, granted, released or cancelled.</summary>
    public RequestState State { get; internal set; }

    /// <summary>Releases the slot, or withdraws the request if still queued; a second call does nothing.</summary>
    public void Dispose() => Resource.Release(this);

    private protected override string DefaultDescription() =>
        $"request on resource '{Resource.Name}' (priority {Priority.ToString(CultureInfo.InvariantCulture)}, {State.ToString().ToLowerInvariant()})";
}
