using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Compiler.Dataflow;
using HybridSim.Isa;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Scheduling;

// Ring planning: one ring per reader and home segment, deepened into spare shared memory, then given addresses.
internal sealed partial class ProgramScheduler
{
    private void PrepareBuffers()
    {
        var input = _graph.Input;
        InputTile = input.ReaderBuffers.Count > 0 ? input.ReaderBuffers.Min(b => b.Tile) : 0;
        input.Homes.Add(new HomeSegment(InputTile, 0, input.Channels));
        input.Layer = _graph.Operations.FirstOrDefault()?.LayerIndex ?? -1;
        OutputTile = _graph.Output.Homes[0].Tile;
        foreach (var tensor in _graph.Tensors)
        {
            foreach (var ring in tensor.ReaderBuffers)
            {
                ring.Slots = Math.Min(tensor.Pixels, Math.Max(MinRingSlots, ring.Readers.Max(r => r.Span(tensor.Width))));
            }

            foreach (var home in tensor.Homes)
            {
                bool Reads(TensorBuffer b) => b.Readers.Any(r => r.Segments.Any(s => s.Channel < home.Start + home.Count && s.Channel + s.Length > home.Start));
                var remote = tensor.ReaderBuffers.Where(b => b.Tile != home.Tile && Reads(b)).ToList();
                var local = tensor.ReaderBuffers.Where(b => b.Tile == home.Tile && Reads(b)).ToList();
                _remote[(tensor, home)] = remote;
                _local[(tensor, home)] = local;
                if (remote.Count > 0 && !tensor.SendBuffers.ContainsKey(home.Tile))
                {
                    tensor.SendBuffers[home.Tile] = new TensorBuffer(tensor, home.Tile, null, 0, tensor.Channels) { Slots = Math.Min(tensor.Pixels, 2) };
                }

                if (tensor.IsNetworkInput)
                {
                    // The input is staged whole before the run: one copy per local reader and one for the engine to send.
                    foreach (var staged in local.Concat(tensor.SendBuffers.Values))
                    {
                        staged.Slots = tensor.Pixels;
                        _staged.Add(staged);
                    }
                }
                else if (remote.Count == 0 && local.Count == 0)
                {
                    // Nobody reads it (the network output): the result is still written, to a sink.
                    _sinks[(tensor, home)] = new TensorBuffer(tensor, home.Tile, null, home.Start, home.Count) { Slots = 1 };
                }
            }

            _buffers.AddRange(tensor.AllBuffers);
            _buffers.AddRange(tensor.Homes.Where(h => _sinks.ContainsKey((tensor, h))).Select(h => _sinks[(tensor, h)]));
        }
    }

    /// <summary>
    /// Doubles rings (a few times at most) while their tile's shared memory has room: the emitted programs stay valid for
    /// larger rings, and deeper rings let producers run further ahead of slow consumers instead of stalling.
    /// </summary>
    private void Deepen()
    {
        var used = new int[Tiles];
        foreach (var buffer in _buffers.Where(b => !_staged.Contains(b)))
        {
            used[buffer.Tile] += buffer.Words;
        }

        for (var round = 0; round < DeepenRounds; round++)
        {
            foreach (var ring in _buffers.Where(b => b.Owner is not null && !_staged.Contains(b)))
            {
                var slots = Math.Min(ring.Tensor.Pixels, ring.Slots * 2);
                var extra = (slots - ring.Slots) * ring.Width;
                if (extra > 0 && used[ring.Tile] + extra <= _memoryWords[ring.Tile])
                {
                    ring.Slots = slots;
                    used[ring.Tile] += extra;
                }
            }
        }
    }

    /// <summary>Gives every ring its address range, tile by tile; the staged input goes last and is not counted.</summary>
    private void Allocate()
    {
        var next = new int[Tiles];
        foreach (var buffer in _buffers.Where(b => !_staged.Contains(b)))
        {
            buffer.Base = next[buffer.Tile];
            next[buffer.Tile] += buffer.Words;
        }

        RingWords = [.. next];
        foreach (var buffer in _staged)
        {
            buffer.Base = next[buffer.Tile];
            next[buffer.Tile] += buffer.Words;
        }
    }


    /// <summary>
    /// The network input, present in the input tile before the run: each staged copy with as many reads as it will have.
    /// With setState it also loads the copies into the scheduler's state; otherwise it returns the final ranges.
    /// </summary>
    private ImmutableArray<MemoryRange> InitialInput(bool setState)
    {
        var input = _graph.Input;
        var home = input.Homes[0];
        var counts = new int[input.Channels];
        var scratch = new int[input.Channels];
        var ranges = ImmutableArray.CreateBuilder<MemoryRange>();
        foreach (var staged in _local[(input, home)].Concat(input.SendBuffers.Values))
        {
            for (var p = 0; p < input.Pixels; p++)
            {
                if (staged.Owner is null)
                {
                    Array.Clear(counts);
                    AddRemote(input, home, p, counts, scratch);
                }
                else
                {
                    staged.Counts(p, counts);
                }

                foreach (var (start, length, count) in Runs(counts, staged.MinChannel, staged.MinChannel + staged.Width))
                {
                    if (count == 0)
                    {
                        continue;
                    }

                    if (setState)
                    {
                        staged.Write(p, start, length, count, 0);
                        continue;
                    }

                    var address = staged.Address(p, start);
                    if (ranges.Count > 0 && ranges[^1].Consumers == count && ranges[^1].Address + ranges[^1].Length == address)
                    {
                        ranges[^1] = ranges[^1] with { Length = ranges[^1].Length + length };
                    }
                    else
                    {
                        ranges.Add(new MemoryRange(address, length, count));
                    }
                }
            }
        }

        return ranges.ToImmutable();
    }
}
