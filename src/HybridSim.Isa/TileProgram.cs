using System.Collections.Immutable;
using HybridSim.Specs.Architecture;

namespace HybridSim.Isa;

/// <summary>
/// What one tile executes: its send/receive stream and its cores' streams. Tile ids index a row-major mesh position
/// (see <c>CompiledProgram</c>); Kind says which tile template of the architecture it instantiates.
/// </summary>
/// <param name="InitiallyValid">Shared-memory ranges (address, length, consumers) valid before the run starts:
/// the network input placed in the input tile, as PUMA's input.npy does.</param>
public sealed record TileProgram(
    int Tile,
    TileKind Kind,
    ImmutableArray<TileInstruction> Instructions,
    ImmutableArray<CoreProgram> Cores,
    ImmutableArray<MemoryRange> InitiallyValid)
{
    /// <summary>
    /// Shared-memory words the tile's programs touch: the highest address + length of any load, store, send, receive or
    /// initially valid range (0 for a tile that touches none).
    /// </summary>
    public int SharedMemoryWordsUsed()
    {
        var max = 0;
        foreach (var r in InitiallyValid)
        {
            max = Math.Max(max, r.Address + r.Length);
        }

        foreach (var i in Instructions)
        {
            max = i switch
            {
                SendInstruction s => Math.Max(max, s.Address + s.Words),
                ReceiveInstruction r => Math.Max(max, r.Address + r.Words),
                _ => max,
            };
        }

        foreach (var core in Cores)
        {
            foreach (var i in core.Instructions)
            {
                max = i switch
                {
                    LoadInstruction l => Math.Max(max, l.Address + l.Words),
                    StoreInstruction s => Math.Max(max, s.Address + s.Words),
                    _ => max,
                };
            }
        }

        return max;
    }
}
