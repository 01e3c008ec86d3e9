namespace HybridSim.Compiler.Scheduling;

/// <summary>Shared-memory words an instruction touches: a read (Consumers &lt; 0) needs them valid; a write needs them invalid and makes them valid with Consumers readers.</summary>
internal readonly record struct Access(int Tile, int Address, int Length, int Consumers)
{
    public bool IsRead => Consumers < 0;
}
