using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Compiler.Dataflow;
using HybridSim.Isa;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Scheduling;

internal sealed partial class ProgramScheduler
{
    private sealed class VectorCoreAgent : CoreAgent
    {
        private readonly ProgramScheduler _scheduler;
        private readonly VectorOperation _op;
        private readonly CoreSlot _core;
        private readonly InstructionSink _sink;
        private readonly int[] _counts;
        private readonly int[] _scratch;
        private readonly int _acc;
        private readonly int _tmp;
        private int _pixel;

        public VectorCoreAgent(ProgramScheduler scheduler, VectorOperation op, ProgramText<CoreInstruction> program)
            : base(op.Cores[0])
        {
            _scheduler = scheduler;
            _op = op;
            _core = op.Cores[0];
            CoreProgram = program;
            _sink = new InstructionSink(Task, op.LayerIndex, i => scheduler._cost.Core(op.Kind, i));
            _counts = new int[op.Output.Channels];
            _scratch = new int[op.Output.Channels];
            _acc = _core.Registers.DataBase;
            _tmp = _acc + op.Chunk;
        }

        public override ProgramText<CoreInstruction>? CoreProgram { get; }

        public override bool BuildNext()
        {
            if (_pixel >= _op.Output.Pixels)
            {
                return false;
            }

            var layer = _op.LayerIndex;
            var qy = _pixel / _op.Output.Width;
            var qx = _pixel % _op.Output.Width;
            var home = _op.Output.Homes[0];
            foreach (var (c0, length) in DataflowBuilder.Chunks(_op.Output.Channels, _op.Chunk))
            {
                var first = _op.Inputs[0];
                if (_op.VectorKind == VectorKind.Add)
                {
                    _sink.Load(_acc, first.BufferFor(_core), _pixel, c0, length);
                    foreach (var other in _op.Inputs.Skip(1))
                    {
                        var ratio = _op.PadShortcut ? Math.Max(1, other.Height / _op.Output.Height) : 1;
                        var overlap = Math.Min(c0 + length, other.Channels) - c0;
                        if (overlap > 0)
                        {
                            var p = (qy * ratio * other.Width) + (qx * ratio);
                            _sink.Load(_tmp, other.BufferFor(_core), p, c0, overlap);
                            _sink.Add(new AluInstruction(AluOp.Add, _acc, _acc, _tmp, overlap, layer));
                        }
                    }
                }
                else
                {
                    var loaded = false;
                    var buffer = first.BufferFor(_core);
                    for (var ky = 0; ky < _op.KernelHeight; ky++)
                    {
                        for (var kx = 0; kx < _op.KernelWidth; kx++)
                        {
                            var py = (qy * _op.Stride) - _op.Padding + ky;
                            var px = (qx * _op.Stride) - _op.Padding + kx;
                            if (py < 0 || px < 0 || py >= first.Height || px >= first.Width)
                            {
                                continue;
                            }

                            _sink.Load(loaded ? _tmp : _acc, buffer, (py * first.Width) + px, c0, length);
                            if (loaded)
                            {
                                var op = _op.VectorKind == VectorKind.MaxPool ? AluOp.Max : AluOp.Add;
                                _sink.Add(new AluInstruction(op, _acc, _acc, _tmp, length, layer));
                            }

                            loaded = true;
                        }
                    }

                    if (_op.VectorKind is VectorKind.AvgPool or VectorKind.GlobalAvgPool)
                    {
                        _sink.Add(new AluImmediateInstruction(AluOp.Mul, _acc, _acc, 1.0 / (_op.KernelHeight * _op.KernelWidth), length, layer));
                    }
                }

                if (_op.Activation != ActivationKind.None)
                {
                    _sink.Add(new AluInstruction(ActivationOp(_op.Activation), _acc, _acc, _acc, length, layer));
                }

                _scheduler.StoreRuns(_sink, _op.Output, home, _pixel, _acc, c0, c0 + length, _counts, _scratch);
            }

            _sink.Flush();
            Task.Built = true;
            return true;
        }

        public override void Advance() => _pixel++;
    }
}
