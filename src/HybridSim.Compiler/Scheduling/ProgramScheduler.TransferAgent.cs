using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Compiler.Dataflow;
using HybridSim.Isa;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Scheduling;

internal sealed partial class ProgramScheduler
{
    private sealed class TransferAgent(ProgramScheduler scheduler, Tensor tensor, HomeSegment home, TensorBuffer source, TensorBuffer target) : Agent
    {
        private readonly int[] _counts = new int[tensor.Channels];
        private readonly int _from = Math.Max(home.Start, target.MinChannel);
        private readonly int _to = Math.Min(home.Start + home.Count, target.MinChannel + target.Width);
        private int _pixel;

        public int From => home.Tile;

        public int To => target.Tile;

        /// <summary>Words of the current task (the sender's engine is busy about a cycle per word).</summary>
        public int Words { get; private set; }

        public override ProgramText<CoreInstruction>? CoreProgram => null;

        public override bool BuildNext()
        {
            while (_pixel < tensor.Pixels && _from < _to)
            {
                target.Counts(_pixel, _counts);
                Words = 0;
                foreach (var (start, length, count) in Runs(_counts, _from, _to))
                {
                    if (count == 0)
                    {
                        continue;
                    }

                    Task.EngineInstructions.Add((home.Tile, new SendInstruction(-1, target.Tile, home.Tile, length, 1, tensor.Layer), new Fixup(0, source, _pixel, start)));
                    Task.EngineInstructions.Add((target.Tile, new ReceiveInstruction(-1, home.Tile, count, length, 1, tensor.Layer), new Fixup(0, target, _pixel, start)));
                    Task.Accesses.Add(Access.Read(source, _pixel, start, length));
                    Task.Accesses.Add(Access.Write(target, _pixel, start, length, count));
                    Words += length;
                    Task.Cycles += scheduler._cost.Transfer(home.Tile, target.Tile, length);
                }

                if (Task.Accesses.Count > 0)
                {
                    Task.Built = true;
                    return true;
                }

                _pixel++;
            }

            return false;
        }

        public override void Advance() => _pixel++;
    }
}
