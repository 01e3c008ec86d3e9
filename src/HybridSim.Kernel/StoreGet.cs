namespace HybridSim.Kernel;

/// <summary>The event of a <see cref="Store{T}.Get"/>: succeeds with the item taken.</summary>
internal sealed class StoreGet<T> : Event<T>
{
    private readonly string _storeName;

    public StoreGet(Simulation simulation, string storeName, long requestedAt)
        : base(simulation)
    {
        _storeName = storeName;
        RequestedAt = requestedAt;
    }

    public long RequestedAt { get; }

    private protected override string DefaultDescription() => $"get from store '{_storeName}' (empty)";
}
