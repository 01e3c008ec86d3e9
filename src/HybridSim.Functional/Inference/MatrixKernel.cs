using System.Numerics.Tensors;
using HybridSim.Functional.Tensors;

namespace HybridSim.Functional.Inference;

/// <summary>
/// The hot loops of fixed-point inference. Work is split into fixed chunks of output positions, each computed
/// whole by one thread in a fixed order, and every random draw is addressed by its position: the result is the same
/// bit for bit on any number of threads.
/// </summary>
internal static partial class MatrixKernel
{
    private const int ChunkPositions = 16;

    /// <summary>
    /// y = scale · (x · W) (+ bias) (+ the fast path's output noise), per column block: <paramref name="weights"/> are
    /// the stacked rows × columns of each block; x holds quantized inputs (or raw ones for the float pass). Row blocks
    /// with a conversion table (<paramref name="tables"/>, per column block and row block) are read through it instead.
    /// </summary>
    public static void Linear(QuantizedMatrix m, double[][] weights, double[]? noiseSigma, ulong noiseSeed, float[] x, int n, long sampleBase, double scale, float[] y, ConversionTable?[][]? tables = null)
    {
        var g = m.Geometry;
        var positions = g.Positions;
        var total = n * positions;
        var tabulated = Tabulated(m, tables);
        var steps = tabulated is null ? [] : InputStep.For(m.Analog!.InputBits, m.Analog.DacBits, m.SignedInput);
        ForChunks(total, (start, end) =>
        {
            var blocks = m.Tiling.ColumnBlocks;
            var gathered = new float[m.StackedRows.Max(r => r.Count)];
            var acc = new double[blocks.Max(b => b.OutCount)];
            for (var p = start; p < end; p++)
            {
                var sample = p / positions;
                var pos = p % positions;
                for (var b = 0; b < blocks.Length; b++)
                {
                    var cols = blocks[b].OutCount;
                    var rows = m.StackedRows[b];
                    Gather(g, rows, x, sample, pos, gathered);
                    var sum = acc.AsSpan(0, cols);
                    sum.Clear();
                    var w = weights[b];
                    var skip = tabulated?[b];
                    for (var i = 0; i < rows.Count; i++)
                    {
                        if (gathered[i] != 0 && (skip is null || !skip[i]))
                        {
                            TensorPrimitives.MultiplyAdd(w.AsSpan(i * cols, cols), gathered[i], sum, sum);
                        }
                    }

                    if (skip is not null)
                    {
                        AddTabulated(m, b, tables![b], steps, gathered, sum);
                    }

                    var sigma = noiseSigma is null ? 0 : noiseSigma[b];
                    var global = ((sampleBase + sample) * positions) + pos;
                    for (var j = 0; j < cols; j++)
                    {
                        var v = sum[j];
                        if (sigma > 0)
                        {
                            v += sigma * CounterRandom.Normal(CounterRandom.Key(noiseSeed, m.Id, b, global, j));
                        }

                        Store(m, y, sample, blocks[b].OutStart + j, pos, v * scale);
                    }
                }
            }
        });
    }

    /// <summary>
    /// The exact path (docs/model.md, "Functional model", the exact path): per row block, input step and slice, each column value is
    /// converted by the ADC (with read noise), shifted and added; the offset and the conductance floor are subtracted
    /// digitally; row blocks' partial sums are added.
    /// </summary>
    public static void Exact(ProgrammedMatrix chip, ulong noiseSeed, float[] xq, int n, long sampleBase, float[] y)
    {
        var m = chip.Matrix;
        var a = m.Analog ?? throw new InvalidOperationException($"matrix {m.Name} is digital; the exact path is for analog matrices");
        var cells = chip.Cells ?? throw new InvalidOperationException($"matrix {m.Name} was programmed without cells");
        var g = m.Geometry;
        var positions = g.Positions;
        var steps = InputStep.For(a.InputBits, a.DacBits, m.SignedInput);
        var slices = a.Slices;
        var mask = (1L << a.InputBits) - 1; // a long: 32-bit inputs do not fit an int's positive range
        // Inputs travel as float32, which rounds codes above 2^24 (2^32 - 1 becomes 2^32): clamped back into range.
        var (low, high) = m.SignedInput ? (-(1L << (a.InputBits - 1)), (1L << (a.InputBits - 1)) - 1) : (0L, mask);
        var readSigma = a.Device.ReadNoiseSigma;
        var correction = a.Correction;
        var levelValue = a.LevelValue;
        var floatExact = (Math.ScaleB(1.0, a.AdcBits) - 1) * (Math.ScaleB(1.0, a.WeightBits) - 1) / a.MaxLevel < (1 << 24);
        var scale = m.WeightScale * m.InputScale;
        var binaryDigits = a.DacBits == 1 && UseGemmForBinaryDigits;
        ForChunks(n * positions, (start, end) =>
        {
            // One chunk of output positions at a time through each row block, so each conversion step handles the
            // chunk's column values in one vector pass.
            var count = end - start;
            var blocks = m.Tiling.ColumnBlocks;
            var maxRows = m.Rows.Max(rb => rb.Max(r => r.Count));
            var maxCols = blocks.Max(b => b.OutCount);
            var gathered = new float[maxRows];
            var pattern = new long[count * maxRows];
            var inputSum = new double[count];
            var column = new float[count * slices * maxCols];
            var driven = new bool[count];
            var acc = new double[count * maxCols];
            var stepSum = new float[maxCols];
            var sliceWeight = Enumerable.Range(0, slices).Select(s => Math.ScaleB(1.0, s * a.BitsPerCell)).ToArray();
            var digits = binaryDigits ? new float[count * maxRows] : [];
            for (var b = 0; b < blocks.Length; b++)
            {
                var cols = blocks[b].OutCount;
                var width = slices * cols;
                Array.Clear(acc);
                for (var r = 0; r < blocks[b].RowBlocks.Length; r++)
                {
                    var rows = m.Rows[b][r];
                    var blockCells = cells[b][r];
                    for (var k = 0; k < count; k++)
                    {
                        var p = start + k;
                        Gather(g, rows, xq, p / positions, p % positions, gathered);
                        double total = 0;
                        for (var i = 0; i < rows.Count; i++)
                        {
                            total += gathered[i];
                            pattern[(k * maxRows) + i] = Math.Clamp((long)gathered[i], low, high) & mask;
                        }

                        inputSum[k] = total;
                    }

                    for (var t = 0; t < steps.Length; t++)
                    {
                        var step = steps[t];
                        var digitMask = (1 << step.Width) - 1;
                        var values = column.AsSpan(0, count * width);
                        var anyDriven = binaryDigits
                            ? ColumnSumsByGemm(pattern, maxRows, rows.Count, count, step.Shift, digitMask, digits, driven, blockCells, width, values)
                            : ColumnSumsByRows(pattern, maxRows, rows.Count, count, step.Shift, digitMask, driven, blockCells, width, values);
                        if (readSigma > 0)
                        {
                            for (var k = 0; k < count; k++)
                            {
                                var v = values.Slice(k * width, width);
                                var global = ((sampleBase + ((start + k) / positions)) * positions) + ((start + k) % positions);
                                for (var e = 0; e < width; e++)
                                {
                                    v[e] += (float)(readSigma * CounterRandom.Normal(CounterRandom.Key(noiseSeed, m.Id, ((long)b << 20) | (long)r, global, ((long)t << 24) | (long)e)));
                                }
                            }
                        }

                        if (!anyDriven && readSigma == 0)
                        {
                            continue; // no row driven anywhere: every column reads 0, which converts to level 0
                        }

                        a.ConvertToLevels(values);
                        var stepWeight = step.Weight * levelValue;
                        for (var k = 0; k < count; k++)
                        {
                            if (!driven[k] && readSigma == 0)
                            {
                                continue;
                            }

                            var v = values.Slice(k * width, width);
                            var sum = acc.AsSpan(k * maxCols, cols);
                            if (floatExact)
                            {
                                // ADC levels are integers and their shift-and-add over slices stays below 2^24: exact in float.
                                var shifted = stepSum.AsSpan(0, cols);
                                v[..cols].CopyTo(shifted);
                                for (var s = 1; s < slices; s++)
                                {
                                    TensorPrimitives.MultiplyAdd(v.Slice(s * cols, cols), (float)sliceWeight[s], shifted, shifted);
                                }

                                for (var j = 0; j < cols; j++)
                                {
                                    sum[j] += shifted[j] * stepWeight;
                                }
                            }
                            else
                            {
                                for (var e = 0; e < width; e++)
                                {
                                    var s = e / cols;
                                    sum[e - (s * cols)] += v[e] * sliceWeight[s] * stepWeight;
                                }
                            }
                        }
                    }

                    for (var k = 0; k < count; k++)
                    {
                        var sum = acc.AsSpan(k * maxCols, cols);
                        for (var j = 0; j < cols; j++)
                        {
                            sum[j] -= correction * inputSum[k];
                        }
                    }
                }

                for (var k = 0; k < count; k++)
                {
                    var p = start + k;
                    for (var j = 0; j < cols; j++)
                    {
                        Store(m, y, p / positions, blocks[b].OutStart + j, p % positions, acc[(k * maxCols) + j] * scale);
                    }
                }
            }
        });
    }

    /// <summary>Per column block, which stacked rows a conversion table reads (null for a block without tables).</summary>
    private static bool[]?[]? Tabulated(QuantizedMatrix m, ConversionTable?[][]? tables)
    {
        if (tables is null)
        {
            return null;
        }

        var result = new bool[]?[tables.Length];
        for (var b = 0; b < tables.Length; b++)
        {
            if (tables[b].All(t => t is null))
            {
                continue;
            }

            var mask = new bool[m.StackedRows[b].Count];
            var first = 0;
            for (var r = 0; r < tables[b].Length; r++)
            {
                var rows = m.Rows[b][r].Count;
                mask.AsSpan(first, rows).Fill(tables[b][r] is not null);
                first += rows;
            }

            result[b] = mask;
        }

        return result;
    }

    /// <summary>
    /// The tabulated row blocks' part of one output position, as <see cref="Exact"/> computes it: per input step the
    /// pattern of digits the rows see picks the converted, shift-added levels; the offset correction per row block.
    /// </summary>
    private static void AddTabulated(QuantizedMatrix m, int b, ConversionTable?[] tables, InputStep[] steps, float[] gathered, Span<double> sum)
    {
        var a = m.Analog!;
        var mask = (1L << a.InputBits) - 1; // a long, as in Exact: 32-bit inputs do not fit an int's positive range
        var (low, high) = m.SignedInput ? (-(1L << (a.InputBits - 1)), (1L << (a.InputBits - 1)) - 1) : (0L, mask);
        var first = 0;
        for (var r = 0; r < tables.Length; r++)
        {
            var table = tables[r];
            if (table is null)
            {
                first += m.Rows[b][r].Count;
                continue;
            }

            var rows = table.Rows;
            var cols = table.Cols;
            double inputSum = 0;
            for (var i = 0; i < rows; i++)
            {
                inputSum += gathered[first + i];
            }

            foreach (var step in steps)
            {
                var digitMask = (1 << step.Width) - 1;
                var pattern = 0;
                for (var i = 0; i < rows; i++)
                {
                    pattern |= (int)(((Math.Clamp((long)gathered[first + i], low, high) & mask) >> step.Shift) & digitMask) << (i * table.DigitBits);
                }

                if (pattern != 0)
                {
                    var levels = table.Levels.AsSpan(pattern * cols, cols);
                    var weight = step.Weight * a.LevelValue;
                    for (var j = 0; j < cols; j++)
                    {
                        sum[j] += levels[j] * weight;
                    }
                }
            }

            for (var j = 0; j < cols; j++)
            {
                sum[j] -= a.Correction * inputSum;
            }

            first += rows;
        }
    }

    private static void Store(QuantizedMatrix m, float[] y, int sample, int o, int pos, double value)
    {
        var bias = m.Bias is null ? 0.0 : m.Bias[o];
        y[(((long)sample * m.Geometry.OutChannels) + o) * m.Geometry.Positions + pos] = (float)(value + bias);
    }

    /// <summary>The inputs the rows of one MVMU block read at one output position (zero in the padding).</summary>
    private static void Gather(MatrixGeometry g, MatrixRows rows, float[] x, int sample, int pos, float[] into)
    {
        var oy = pos / g.OutWidth;
        var ox = pos % g.OutWidth;
        var y0 = (oy * g.Stride) - g.Padding;
        var x0 = (ox * g.Stride) - g.Padding;
        var plane = g.Height * g.Width;
        var baseIndex = (long)sample * g.InputSize;
        for (var i = 0; i < rows.Count; i++)
        {
            var iy = y0 + rows.Ky[i];
            var ix = x0 + rows.Kx[i];
            into[i] = iy >= 0 && iy < g.Height && ix >= 0 && ix < g.Width
                ? x[baseIndex + (rows.Channel[i] * plane) + (iy * g.Width) + ix]
                : 0f;
        }
    }

    private static void ForChunks(int total, Action<int, int> body)
    {
        var chunks = (total + ChunkPositions - 1) / ChunkPositions;
        Parallelism.For(chunks, c => body(c * ChunkPositions, Math.Min(total, (c + 1) * ChunkPositions)));
    }
}
