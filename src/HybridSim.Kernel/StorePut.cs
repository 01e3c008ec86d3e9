namespace HybridSim.Kernel;

/// <summary>The event of a <see cref="Store{T}.Put"/>: succeeds when the item is in the store (or handed to a getter).</summary>
internal sealed class StorePut : Event
{
    private readonly string _storeName;

    public StorePut(Simulation simulation, string storeName)
        : base(simulation)
    {
        _storeName = storeName;
    }

    private protected override string DefaultDescription() => $"put to store '{_storeName}' (full)";
}
