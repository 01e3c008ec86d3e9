using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Compiler.Dataflow;
using HybridSim.Isa;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Scheduling;

// The list scheduler: fires ready agents in estimated-time order, growing rings when the execution gets stuck.
internal sealed partial class ProgramScheduler
{
    private void Execute()
    {
        _corePrograms = [.. _coresPerTile.Select(n => Enumerable.Range(0, n).Select(_ => new ProgramText<CoreInstruction>()).ToArray())];
        _enginePrograms = [.. Enumerable.Range(0, Tiles).Select(_ => new ProgramText<TileInstruction>())];
        InitialInput(setState: true);
        _engineClock = new long[Tiles];

        var agents = new List<Agent>();
        foreach (var op in _graph.Operations)
        {
            for (var k = 0; k < op.Cores.Count; k++)
            {
                var program = _corePrograms[op.Cores[k].Tile][op.Cores[k].Core];
                agents.Add(op switch
                {
                    MatrixOperation m => new MatrixCoreAgent(this, m, k, program),
                    VectorOperation v => new VectorCoreAgent(this, v, program),
                    _ => throw new InvalidOperationException("unknown operation"),
                });
            }
        }

        foreach (var tensor in _graph.Tensors)
        {
            foreach (var home in tensor.Homes)
            {
                foreach (var target in _remote[(tensor, home)])
                {
                    agents.Add(new TransferAgent(this, tensor, home, tensor.SendBuffers[home.Tile], target));
                }
            }
        }

        for (var i = 0; i < agents.Count; i++)
        {
            agents[i].Id = i;
            _runnable.Enqueue(agents[i], (0, i));
        }

        // A list schedule in estimated time: the next task to fire is the one that can start earliest, so the engines'
        // instruction order follows the order in which their data will be ready.
        while (true)
        {
            while (_runnable.TryDequeue(out var agent, out var key))
            {
                _now = Math.Max(_now, key.Time);
                if (!agent.Task.Built && !agent.BuildNext())
                {
                    agent.Finished = true;
                    continue;
                }

                if (!Ready(agent))
                {
                    agent.BlockedOn!.Waiters.Add(agent);
                    continue;
                }

                var start = EstimatedStart(agent);
                if (start > key.Time)
                {
                    _runnable.Enqueue(agent, (start, agent.Id));
                    continue;
                }

                Fire(agent, start);
                agent.Advance();
                agent.Task.Clear();
                _runnable.Enqueue(agent, (agent.Clock, agent.Id));
            }

            var stuck = agents.Where(a => !a.Finished).ToList();
            if (stuck.Count == 0)
            {
                return;
            }

            Grow(agents, stuck);
        }
    }

    /// <summary>
    /// Grows the rings that are full while their reader waits for something else: they are what the pipeline's skew
    /// needs. Rings full because their reader is itself held up by a full ring downstream are back-pressure, not the cause.
    /// </summary>
    private void Grow(List<Agent> agents, List<Agent> stuck)
    {
        var full = stuck.Where(a => a.BlockedOnWrite).Select(a => a.BlockedOn!).Distinct().ToList();
        var readers = agents.OfType<CoreAgent>().Where(a => !a.Finished).ToDictionary(a => a.Core);
        var causes = full.Where(b => b.Owner is not null && readers.TryGetValue(b.Owner, out var reader)
            && !reader.BlockedOnWrite && reader.BlockedOn != b).ToList();
        var grown = false;
        foreach (var buffer in (causes.Count > 0 ? causes : full).Where(b => b.Slots < b.Tensor.Pixels))
        {
            buffer.Grow(Math.Min(buffer.Tensor.Pixels, Math.Max(buffer.Slots * GrowFactor, buffer.Slots + (GrowRows * buffer.Tensor.Width))));
            grown = true;
            WakeAll(buffer, _now);
        }

        if (!grown)
        {
            throw new InvalidOperationException("compiler: the dataflow cannot make progress even with whole-tensor rings: "
                + string.Join("; ", stuck.Take(StuckAgentsReported).Select(a => $"{a} waits on {a.BlockedOn?.Tensor.Name} in tile {a.BlockedOn?.Tile}")));
        }
    }

    private static bool Ready(Agent agent)
    {
        foreach (var a in agent.Task.Accesses)
        {
            if (a.IsRead ? !a.Buffer.CanRead(a.Pixel, a.Channel, a.Length) : !a.Buffer.CanWrite(a.Pixel, a.Channel, a.Length))
            {
                agent.BlockedOn = a.Buffer;
                agent.BlockedOnWrite = !a.IsRead;
                return false;
            }
        }

        agent.BlockedOn = null;
        return true;
    }

    private long EstimatedStart(Agent agent)
    {
        var start = agent.Clock;
        foreach (var a in agent.Task.Accesses)
        {
            start = Math.Max(start, a.IsRead ? a.Buffer.ReadyAt(a.Pixel, a.Channel, a.Length) : a.Buffer.FreeAt(a.Pixel, a.Channel, a.Length));
        }

        if (agent is TransferAgent t)
        {
            start = Math.Max(start, Math.Max(_engineClock[t.From], _engineClock[t.To]));
        }

        return start;
    }

    private void Fire(Agent agent, long start)
    {
        var task = agent.Task;
        var end = start + task.Cycles;
        foreach (var a in task.Accesses)
        {
            if (a.IsRead)
            {
                if (a.Buffer.Read(a.Pixel, a.Channel, a.Length, start))
                {
                    WakeAll(a.Buffer, start);
                }
            }
            else
            {
                a.Buffer.Write(a.Pixel, a.Channel, a.Length, a.Consumers, end);
                WakeAll(a.Buffer, end);
            }
        }

        if (agent.CoreProgram is { } program)
        {
            foreach (var (instruction, fixup) in task.CoreInstructions)
            {
                program.Add(instruction, fixup);
            }
        }

        foreach (var (tile, instruction, fixup) in task.EngineInstructions)
        {
            _enginePrograms[tile].Add(instruction, fixup);
        }

        if (agent is TransferAgent t)
        {
            // The sender's engine is busy while it injects; the receiver's until the packets have landed.
            _engineClock[t.From] = start + t.Words;
            _engineClock[t.To] = end;
            agent.Clock = start + t.Words;
        }
        else
        {
            agent.Clock = end;
        }
    }

    private void WakeAll(TensorBuffer buffer, long time)
    {
        if (buffer.Waiters.Count == 0)
        {
            return;
        }

        foreach (Agent agent in buffer.Waiters)
        {
            _runnable.Enqueue(agent, (Math.Max(agent.Clock, time), agent.Id));
        }

        buffer.Waiters.Clear();
    }
}
