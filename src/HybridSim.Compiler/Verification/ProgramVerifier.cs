using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Isa;

namespace HybridSim.Compiler.Verification;

/// <summary>
/// Checks that compiled programs are consistent, by executing them without timing on the valid-bit semantics: every
/// load finds its store, every receive its send (same width, same FIFO order), every store and receive finds its slot
/// free, and every consumer count matches its readers (no word is left valid at the end, except the network output).
/// </summary>
public static class ProgramVerifier
{
    public static ImmutableArray<string> Verify(CompiledProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return new Replay(program).Run();
    }

    private sealed class Replay
    {
        private readonly CompiledProgram _program;
        private readonly int[][] _words;
        private readonly Dictionary<(int Target, int Fifo), Queue<int>> _fifos = [];
        private readonly List<string> _problems = [];

        public Replay(CompiledProgram program)
        {
            _program = program;
            _words = [.. program.Tiles.Select(t => t.SharedMemoryWordsUsed()).Select(n => new int[n])];
            foreach (var tile in program.Tiles)
            {
                foreach (var r in tile.InitiallyValid)
                {
                    Array.Fill(_words[tile.Tile], r.Consumers, r.Address, r.Length);
                }
            }
        }

        public ImmutableArray<string> Run()
        {
            var cores = _program.Tiles.SelectMany(t => t.Cores.Select(c => (t.Tile, c))).ToArray();
            var corePc = new int[cores.Length];
            var enginePc = new int[_program.Tiles.Length];
            bool progress;
            do
            {
                progress = false;
                for (var i = 0; i < cores.Length; i++)
                {
                    var (tile, core) = cores[i];
                    while (corePc[i] < core.Instructions.Length && Step(tile, core.Instructions[corePc[i]]))
                    {
                        corePc[i]++;
                        progress = true;
                    }
                }

                foreach (var tile in _program.Tiles)
                {
                    while (enginePc[tile.Tile] < tile.Instructions.Length && Step(tile.Tile, tile.Instructions[enginePc[tile.Tile]]))
                    {
                        enginePc[tile.Tile]++;
                        progress = true;
                    }
                }
            }
            while (progress);

            var inv = CultureInfo.InvariantCulture;
            for (var i = 0; i < cores.Length; i++)
            {
                var (tile, core) = cores[i];
                if (corePc[i] < core.Instructions.Length)
                {
                    _problems.Add(string.Create(inv, $"tile {tile} core {core.Core} never finishes: instruction {corePc[i]} '{core.Instructions[corePc[i]]}' waits forever"));
                }
            }

            foreach (var tile in _program.Tiles)
            {
                if (enginePc[tile.Tile] < tile.Instructions.Length)
                {
                    _problems.Add(string.Create(inv, $"tile {tile.Tile} engine never finishes: instruction {enginePc[tile.Tile]} '{tile.Instructions[enginePc[tile.Tile]]}' waits forever"));
                }
            }

            foreach (var ((target, fifo), queue) in _fifos.OrderBy(f => f.Key))
            {
                if (queue.Count > 0)
                {
                    _problems.Add(string.Create(inv, $"{queue.Count} packet(s) from tile {fifo} to tile {target} are sent but never received"));
                }
            }

            if (_problems.Count == 0)
            {
                for (var t = 0; t < _words.Length; t++)
                {
                    var left = Array.FindIndex(_words[t], c => c > 0);
                    if (left >= 0)
                    {
                        _problems.Add(string.Create(inv, $"tile {t} word {left} still has {_words[t][left]} reader(s) at the end: its consumer count exceeds the loads and sends that read it"));
                    }
                }
            }

            return [.. _problems];
        }

        private bool Step(int tile, CoreInstruction instruction)
        {
            switch (instruction)
            {
                case LoadInstruction ld:
                    if (!All(tile, ld.Address, ld.Words, valid: true))
                    {
                        return false;
                    }

                    Consume(tile, ld.Address, ld.Words);
                    return true;
                case StoreInstruction st:
                    if (!All(tile, st.Address, st.Words, valid: false))
                    {
                        return false;
                    }

                    Array.Fill(_words[tile], st.Consumers, st.Address, st.Words);
                    return true;
                default:
                    return true;
            }
        }

        private bool Step(int tile, TileInstruction instruction)
        {
            switch (instruction)
            {
                case SendInstruction s:
                    if (!All(tile, s.Address, s.Words, valid: true))
                    {
                        return false;
                    }

                    Consume(tile, s.Address, s.Words);
                    if (!_fifos.TryGetValue((s.Target, s.FifoId), out var queue))
                    {
                        queue = new Queue<int>();
                        _fifos.Add((s.Target, s.FifoId), queue);
                    }

                    for (var p = 0; p < s.Count; p++)
                    {
                        queue.Enqueue(s.Width);
                    }

                    return true;
                case ReceiveInstruction r:
                    if (!_fifos.TryGetValue((tile, r.FifoId), out var fifo) || fifo.Count < r.Count || !All(tile, r.Address, r.Words, valid: false))
                    {
                        return false;
                    }

                    for (var p = 0; p < r.Count; p++)
                    {
                        var width = fifo.Dequeue();
                        if (width != r.Width)
                        {
                            _problems.Add(string.Create(CultureInfo.InvariantCulture, $"tile {tile} receives {r.Width} words from tile {r.FifoId} where a packet of {width} words was sent"));
                        }
                    }

                    Array.Fill(_words[tile], r.Consumers, r.Address, r.Words);
                    return true;
                default:
                    return true;
            }
        }

        private bool All(int tile, int address, int length, bool valid)
        {
            var words = _words[tile];
            for (var w = address; w < address + length; w++)
            {
                if ((words[w] > 0) != valid)
                {
                    return false;
                }
            }

            return true;
        }

        private void Consume(int tile, int address, int length)
        {
            var words = _words[tile];
            for (var w = address; w < address + length; w++)
            {
                words[w]--;
            }
        }
    }
}
