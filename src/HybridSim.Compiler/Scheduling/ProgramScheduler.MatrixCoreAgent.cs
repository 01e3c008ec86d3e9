using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Compiler.Dataflow;
using HybridSim.Isa;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Scheduling;

internal sealed partial class ProgramScheduler
{
    private sealed class MatrixCoreAgent : CoreAgent
    {
        private readonly ProgramScheduler _scheduler;
        private readonly MatrixOperation _op;
        private readonly int _coreIndex;
        private readonly CoreSlot _core;
        private readonly RegisterLayout _layout;
        private readonly List<(ImmutableArray<Mapping.InputSegment> Segments, int First, int[] Copies, int Rows)> _rowBlocks = [];
        private readonly List<(int Block, int[] Locals)> _blocks = [];
        private readonly TensorBuffer _input;
        private readonly ulong _mask;
        private readonly int[] _counts;
        private readonly int[] _scratch;
        private readonly InstructionSink _sink;
        private int _pixel;

        public MatrixCoreAgent(ProgramScheduler scheduler, MatrixOperation op, int k, ProgramText<CoreInstruction> program)
            : base(op.Cores[k])
        {
            _scheduler = scheduler;
            _op = op;
            _coreIndex = k;
            _core = op.Cores[k];
            CoreProgram = program;
            _layout = RegisterLayout.For(op, k);
            _input = op.Input.BufferFor(_core);
            _sink = new InstructionSink(Task, op.LayerIndex, i => scheduler._cost.Core(op.Kind, i));
            foreach (var rows in DataflowBuilder.DistinctRowBlocks(op, _core))
            {
                var locals = _core.Mvmus.Where(m => op.Tiling.ColumnBlocks[m.ColumnBlock].RowBlocks[m.RowBlock].Segments == rows).Select(m => m.Local).ToArray();
                _rowBlocks.Add((rows, locals[0], locals[1..], rows.Sum(s => s.Length)));
            }

            foreach (var j in _core.Mvmus.Select(m => m.ColumnBlock).Distinct())
            {
                _blocks.Add((j, [.. _core.Mvmus.Where(m => m.ColumnBlock == j).Select(m => m.Local)]));
            }

            foreach (var m in _core.Mvmus)
            {
                _mask |= 1UL << m.Local;
            }

            _counts = new int[Math.Max(op.Output.Channels, op.Tiling.ColumnBlocks.Max(b => b.OutCount))];
            _scratch = new int[_counts.Length];
        }

        public override ProgramText<CoreInstruction>? CoreProgram { get; }

        private int OutWidth => _op.Output.Width;

        public override bool BuildNext()
        {
            if (_pixel >= _op.Output.Pixels)
            {
                return false;
            }

            Build();
            Task.Built = true;
            return true;
        }

        public override void Advance() => _pixel++;

        /// <summary>
        /// One output pixel: load the window rows into the MVMU input buffers, one mvm, then per column block the sum of
        /// this core's MVMUs plus the predecessor's partial sum, passed on down the chain or, at its end, finished
        /// (LoBranch addend, bias, activation) and stored.
        /// </summary>
        private void Build()
        {
            var qy = _pixel / OutWidth;
            var qx = _pixel % OutWidth;
            var regs = _core.Registers;
            var input = _op.Input;
            var layer = _op.LayerIndex;
            foreach (var (segments, first, copies, rows) in _rowBlocks)
            {
                var dest = regs.InputBuffer(first);

                // Loads first, then the zero padding: the layer's first instruction is one that waits for its input.
                foreach (var pass in (bool[])[true, false])
                {
                    foreach (var seg in segments)
                    {
                        var py = (qy * _op.Stride) - _op.Padding + seg.Ky;
                        var px = (qx * _op.Stride) - _op.Padding + seg.Kx;
                        var inside = py >= 0 && px >= 0 && py < input.Height && px < input.Width;
                        if (inside && pass)
                        {
                            _sink.Load(dest + seg.Offset, _input, (py * input.Width) + px, seg.Channel, seg.Length);
                        }
                        else if (!inside && !pass)
                        {
                            _sink.Zero(dest + seg.Offset, seg.Length);
                        }
                    }
                }

                foreach (var copy in copies)
                {
                    _sink.Add(new CopyInstruction(regs.InputBuffer(copy), dest, rows, layer));
                }
            }

            _sink.Add(new MvmInstruction(_mask, layer));
            foreach (var (j, locals) in _blocks)
            {
                var block = _op.Tiling.ColumnBlocks[j];
                var width = block.OutCount;
                var acc = _layout.Accumulators[j];
                var current = regs.OutputBuffer(locals[0]);
                foreach (var l in locals.Skip(1))
                {
                    _sink.Add(new AluInstruction(AluOp.Add, acc, current, regs.OutputBuffer(l), width, layer));
                    current = acc;
                }

                var predecessor = _op.Predecessor(j, _coreIndex);
                if (predecessor >= 0)
                {
                    _sink.Load(_layout.Scratch, _op.Partials[(j, predecessor)].BufferFor(_core), _pixel, 0, width);
                    _sink.Add(new AluInstruction(AluOp.Add, acc, current, _layout.Scratch, width, layer));
                    current = acc;
                }

                if (_op.Reducers[j] != _coreIndex)
                {
                    var partial = _op.Partials[(j, _coreIndex)];
                    _scheduler.StoreRuns(_sink, partial, partial.Homes[0], _pixel, current, 0, width, _counts, _scratch);
                    continue;
                }

                if (_op.Addend is { } addend)
                {
                    _sink.Load(_layout.Scratch, addend.BufferFor(_core), _pixel, block.OutStart, width);
                    _sink.Add(new AluInstruction(AluOp.Add, acc, current, _layout.Scratch, width, layer));
                    current = acc;
                }

                if (_op.Bias)
                {
                    if (_pixel == 0)
                    {
                        // Bias constants go into the register file once, when the first pixel needs them.
                        _sink.Add(new SetInstruction(_layout.Biases[j], 0, width, layer));
                    }

                    _sink.Add(new AluInstruction(AluOp.Add, acc, current, _layout.Biases[j], width, layer));
                    current = acc;
                }

                if (_op.Activation != ActivationKind.None)
                {
                    _sink.Add(new AluInstruction(ActivationOp(_op.Activation), acc, current, current, width, layer));
                    current = acc;
                }

                _scheduler.StoreRuns(_sink, _op.Output, _op.Output.Homes[j], _pixel, current, block.OutStart, block.OutStart + width, _counts, _scratch);
            }

            _sink.Flush();
        }
    }
}
