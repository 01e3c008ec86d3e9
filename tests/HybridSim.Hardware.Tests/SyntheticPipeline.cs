using HybridSim.Compiler;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using static HybridSim.Hardware.Tests.TestMachines;

namespace HybridSim.Hardware.Tests;

/// <summary>
/// A chain of tiles, each receiving vectors from its predecessor, running load → mvm → relu → store on one core per
/// vector, and sending the result on: the shape of a layer pipeline, without needing the compiler.
/// </summary>
internal static class SyntheticPipeline
{
    public static CompiledProgram Build(ArchitectureSpec arch, int tiles, int vectors, int coresPerTile = 1)
    {
        const int Width = 16;
        const int Packets = 8; // 128 words per vector
        const int Out = 1 << 16;
        var programs = new List<TileProgram>();
        var dataBase = arch.AnalogTile!.Core.Mvmus * 256;
        for (var t = 0; t < tiles; t++)
        {
            var tile = new List<TileInstruction>();
            var cores = new List<CoreInstruction>[coresPerTile];
            for (var c = 0; c < coresPerTile; c++)
            {
                cores[c] = [];
            }

            for (var v = 0; v < vectors; v++)
            {
                var inAddr = v * 128;
                var outAddr = Out + (v * 128);
                if (t > 0)
                {
                    tile.Add(new ReceiveInstruction(inAddr, t - 1, 1, Width, Packets, 0));
                }

                var core = cores[v % coresPerTile];
                core.Add(new LoadInstruction(0, inAddr, Width, Packets, 0));
                core.Add(new MvmInstruction(1, 0));
                core.Add(new AluInstruction(AluOp.Relu, dataBase, 128 * arch.AnalogTile.Core.Mvmus, 0, 128, 0));
                core.Add(new StoreInstruction(outAddr, dataBase, t < tiles - 1 ? 1 : 0, Width, Packets, 0));
                if (t < tiles - 1)
                {
                    tile.Add(new SendInstruction(outAddr, t + 1, t, Width, Packets, 0));
                }
            }

            foreach (var core in cores)
            {
                core.Add(new HaltInstruction());
            }

            tile.Add(new TileHaltInstruction());
            MemoryRange[] valid = t == 0 ? [new MemoryRange(0, vectors * 128, 1)] : [];
            programs.Add(TileProgram(t, TileKind.Analog, [.. tile], [.. cores.Select(c => c.ToArray())], valid));
        }

        var width = (int)Math.Ceiling(Math.Sqrt(tiles));
        return Program(arch, width, [.. programs]);
    }
}
