namespace HybridSim.Kernel;

/// <summary>Runs a callback added to an already processed event, from the event loop.</summary>
internal sealed class CallbackRelay : Event
{
    private readonly Event _target;
    private readonly Action<Event> _callback;

    public CallbackRelay(Simulation simulation, Event target, Action<Event> callback)
        : base(simulation)
    {
        _target = target;
        _callback = callback;
        AddWaiter(this);
    }

    internal override void OnWaitedEventProcessed(Event processed) => _callback(_target);

    private protected override string DefaultDescription() => "callback of " + _target.Description;
}
