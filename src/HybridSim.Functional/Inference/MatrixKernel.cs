using System.Numerics;
using HybridSim.Functional.Tensors;

namespace HybridSim.Functional.Inference;

/// <summary>
/// The hot loops of fixed-point inference. Work is split into fixed chunks of output positions, each computed
/// whole by one thread in a fixed order, and every random draw is addressed by its position: the result is the same
/// bit for bit on any number of threads.
/// </summary>
internal static class MatrixKernel
{
    private const int ChunkPositions = 16;

    /// <summary>
    /// y = scale · (x · W) (+ bias) (+ the fast path's output noise), per column block: <paramref name="weights"/> are
    /// the stacked rows × columns of each block; x holds quantized inputs (or raw ones for the float pass).
    /// </summary>
    public static void Linear(QuantizedMatrix m, double[][] weights, double[]? noiseSigma, ulong noiseSeed, float[] x, int n, long sampleBase, double scale, float[] y)
    {
        var g = m.Geometry;
        var positions = g.Positions;
        var total = n * positions;
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
                    for (var i = 0; i < rows.Count; i++)
                    {
                        if (gathered[i] != 0)
                        {
                            Axpy(gathered[i], w.AsSpan(i * cols, cols), sum);
                        }
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
    /// The exact path (design.md section 8, step 3): per row block, input step and slice, each column value is
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
        var mask = (int)((1L << a.InputBits) - 1);
        var readSigma = a.Device.ReadNoiseSigma;
        var correction = a.Correction;
        var scale = m.WeightScale * m.InputScale;
        ForChunks(n * positions, (start, end) =>
        {
            var blocks = m.Tiling.ColumnBlocks;
            var maxRows = m.Rows.Max(rb => rb.Max(r => r.Count));
            var maxCols = blocks.Max(b => b.OutCount);
            var gathered = new float[maxRows];
            var pattern = new int[maxRows];
            var column = new float[slices * maxCols];
            var acc = new double[maxCols];
            var sliceWeight = Enumerable.Range(0, slices).Select(s => Math.ScaleB(1.0, s * a.BitsPerCell)).ToArray();
            for (var p = start; p < end; p++)
            {
                var sample = p / positions;
                var pos = p % positions;
                var global = ((sampleBase + sample) * positions) + pos;
                for (var b = 0; b < blocks.Length; b++)
                {
                    var cols = blocks[b].OutCount;
                    var width = slices * cols;
                    var sum = acc.AsSpan(0, cols);
                    sum.Clear();
                    for (var r = 0; r < blocks[b].RowBlocks.Length; r++)
                    {
                        var rows = m.Rows[b][r];
                        Gather(g, rows, xq, sample, pos, gathered);
                        double inputSum = 0;
                        for (var i = 0; i < rows.Count; i++)
                        {
                            inputSum += gathered[i];
                            pattern[i] = (int)gathered[i] & mask;
                        }

                        var blockCells = cells[b][r];
                        for (var t = 0; t < steps.Length; t++)
                        {
                            var step = steps[t];
                            var digitMask = (1 << step.Width) - 1;
                            var v = column.AsSpan(0, width);
                            v.Clear();
                            for (var i = 0; i < rows.Count; i++)
                            {
                                var digit = (pattern[i] >> step.Shift) & digitMask;
                                if (digit != 0)
                                {
                                    Axpy(digit, blockCells.AsSpan(i * width, width), v);
                                }
                            }

                            for (var e = 0; e < width; e++)
                            {
                                double value = v[e];
                                if (readSigma > 0)
                                {
                                    value += readSigma * CounterRandom.Normal(CounterRandom.Key(noiseSeed, m.Id, ((long)b << 20) | (long)r, global, ((long)t << 24) | (long)e));
                                }

                                var s = e / cols;
                                sum[e - (s * cols)] += a.Convert(value) * sliceWeight[s] * step.Weight;
                            }
                        }

                        for (var j = 0; j < cols; j++)
                        {
                            sum[j] -= correction * inputSum;
                        }
                    }

                    for (var j = 0; j < cols; j++)
                    {
                        Store(m, y, sample, blocks[b].OutStart + j, pos, sum[j] * scale);
                    }
                }
            }
        });
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

    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var va = new Vector<double>(a);
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var vy = new Vector<double>(y[i..]) + (va * new Vector<double>(x[i..]));
                vy.CopyTo(y[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var va = new Vector<float>(a);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var vy = new Vector<float>(y[i..]) + (va * new Vector<float>(x[i..]));
                vy.CopyTo(y[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }
}
