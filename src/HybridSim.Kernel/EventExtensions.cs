namespace HybridSim.Kernel;

/// <summary>Fluent helpers on events.</summary>
public static class EventExtensions
{
    /// <summary>
    /// Sets <see cref="Event.Defused"/> and returns the event, for <c>yield return sub.Defuse();</c>: the yielding
    /// process is resumed even if it fails and handles the failure itself.
    /// </summary>
    public static TEvent Defuse<TEvent>(this TEvent ev)
        where TEvent : Event
    {
        ArgumentNullException.ThrowIfNull(ev);
        ev.Defused = true;
        return ev;
    }
}
