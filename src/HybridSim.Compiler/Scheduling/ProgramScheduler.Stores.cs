using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Compiler.Dataflow;
using HybridSim.Isa;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Scheduling;

// What the agents share: stores into the rings of a home segment and the activation opcodes.
internal sealed partial class ProgramScheduler
{
    /// <summary>Adds one read per remote ring that needs a channel of the home segment (its transfer reads it once).</summary>
    private void AddRemote(Tensor tensor, HomeSegment home, int pixel, int[] counts, int[] scratch)
    {
        foreach (var ring in _remote[(tensor, home)])
        {
            ring.Counts(pixel, scratch);
            for (var c = home.Start; c < home.Start + home.Count; c++)
            {
                if (scratch[c] > 0)
                {
                    counts[c]++;
                }
            }
        }
    }

    /// <summary>
    /// Stores channels [from, to) of a pixel of a home segment from registers at source (holding channel from): into the
    /// ring of every local reader that needs them, into the send ring for the tiles that need them, or into the sink.
    /// </summary>
    private void StoreRuns(InstructionSink sink, Tensor tensor, HomeSegment home, int pixel, int source, int from, int to, int[] counts, int[] scratch)
    {
        foreach (var ring in _local[(tensor, home)])
        {
            ring.Counts(pixel, counts);
            StoreNonZero(sink, ring, pixel, source, from, Math.Max(from, ring.MinChannel), Math.Min(to, ring.MinChannel + ring.Width), counts);
        }

        if (tensor.SendBuffers.TryGetValue(home.Tile, out var send) && _remote[(tensor, home)].Count > 0)
        {
            Array.Clear(counts);
            AddRemote(tensor, home, pixel, counts, scratch);
            StoreNonZero(sink, send, pixel, source, from, from, to, counts);
        }

        if (_sinks.TryGetValue((tensor, home), out var result))
        {
            sink.Store(result, pixel, from, source, 0, to - from);
        }
    }

    private static void StoreNonZero(InstructionSink sink, TensorBuffer ring, int pixel, int source, int sourceChannel, int from, int to, int[] counts)
    {
        if (from >= to)
        {
            return;
        }

        foreach (var (start, length, count) in Runs(counts, from, to))
        {
            if (count > 0)
            {
                sink.Store(ring, pixel, start, source + (start - sourceChannel), count, length);
            }
        }
    }

    /// <summary>Maximal runs of equal values in counts[from..to).</summary>
    private static IEnumerable<(int Start, int Length, int Value)> Runs(int[] counts, int from, int to)
    {
        var start = from;
        for (var c = from + 1; c <= to; c++)
        {
            if (c == to || counts[c] != counts[start])
            {
                yield return (start, c - start, counts[start]);
                start = c;
            }
        }
    }

    private static AluOp ActivationOp(ActivationKind kind) => kind switch
    {
        ActivationKind.Relu => AluOp.Relu,
        ActivationKind.Relu6 => AluOp.Relu6,
        ActivationKind.Sigmoid => AluOp.Sigmoid,
        ActivationKind.Tanh => AluOp.Tanh,
        _ => throw new InvalidOperationException($"no ALU operation for activation {kind}"),
    };
}
