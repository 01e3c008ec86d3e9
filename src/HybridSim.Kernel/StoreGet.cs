namespace HybridSim.Kernel;

/// <summary>The event of a <see cref="Store{T}.Get"/>: succeeds with the item taken.</summary>
internal sealed class StoreGet<T> : Event<T>
{
    private readonly string _storeName;

    public StoreGet(Simulation simulation, string storeName)
        : base(simulation)
    {
        _storeName = storeName;
    }

    private protected override string DefaultDescription() => $"get from store '{_storeName}' (empty)";
}
