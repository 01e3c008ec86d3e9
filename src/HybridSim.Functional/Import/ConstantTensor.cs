namespace HybridSim.Functional.Import;

/// <summary>
/// A tensor the importer computed from constants (shape arithmetic, folded before layers are mapped): dims and values
/// in C order, as doubles. NaN stands for the batch size, which stays symbolic: Shape of a layer's output gives
/// [NaN, C, H, W], and any arithmetic on it stays NaN, so a Reshape target can still say "keep the batch".
/// The operators follow the ONNX specification (onnx/docs/Operators.md); a misuse throws <see cref="InvalidDataException"/>.
/// </summary>
internal sealed record ConstantTensor(long[] Dims, double[] Values, bool IsInteger)
{
    /// <summary>Largest tensor a fold may make: shape arithmetic is small, and a hostile ConstantOfShape must not eat memory.</summary>
    public const long MaxElements = 1 << 22;

    public static long Count(IEnumerable<long> dims)
    {
        long n = 1;
        foreach (var d in dims)
        {
            if (d < 0 || (d > 0 && n > MaxElements / d))
            {
                throw new InvalidDataException($"dims [{string.Join(", ", dims)}] are negative or exceed {MaxElements} elements");
            }

            n *= d;
        }

        return n;
    }

    public static ConstantTensor Vector(IReadOnlyList<double> values, bool isInteger) => new([values.Count], [.. values], isInteger);

    public int Rank => Dims.Length;

    private static long[] Strides(long[] dims)
    {
        var s = new long[dims.Length];
        long step = 1;
        for (var i = dims.Length - 1; i >= 0; i--)
        {
            s[i] = step;
            step *= dims[i];
        }

        return s;
    }

    private static int Axis(long axis, int rank, string what)
    {
        var a = axis < 0 ? axis + rank : axis;
        return a >= 0 && a < rank ? (int)a : throw new InvalidDataException($"{what} {axis} is outside a rank-{rank} tensor");
    }

    /// <summary>Gather along <paramref name="axis"/>: out dims = data[:axis] + indices + data[axis+1:].</summary>
    public ConstantTensor Gather(ConstantTensor indices, long axis)
    {
        var a = Axis(axis, Rank, "axis");
        var dims = Dims[..a].Concat(indices.Dims).Concat(Dims[(a + 1)..]).ToArray();
        long outer = Count(Dims[..a]), inner = Count(Dims[(a + 1)..]), size = Dims[a];
        var values = new double[Count(dims)];
        var k = 0;
        for (long o = 0; o < outer; o++)
        {
            foreach (var raw in indices.Values)
            {
                var i = double.IsNaN(raw) ? throw new InvalidDataException("a Gather index depends on the batch size") : (long)raw;
                i = i < 0 ? i + size : i;
                if (i < 0 || i >= size)
                {
                    throw new InvalidDataException($"Gather index {raw} is outside a dimension of {size}");
                }

                Array.Copy(Values, (o * size * inner) + (i * inner), values, k, inner);
                k += (int)inner;
            }
        }

        return new ConstantTensor(dims, values, IsInteger);
    }

    public ConstantTensor Concat(IReadOnlyList<ConstantTensor> parts, long axis)
    {
        var a = Axis(axis, Rank, "axis");
        if (parts.Any(p => p.Rank != Rank || Enumerable.Range(0, Rank).Any(d => d != a && p.Dims[d] != Dims[d])))
        {
            throw new InvalidDataException($"Concat of tensors whose dims differ outside axis {axis}");
        }

        var dims = (long[])Dims.Clone();
        dims[a] = parts.Sum(p => p.Dims[a]);
        var outer = Count(Dims[..a]);
        var values = new List<double>((int)Count(dims));
        for (long o = 0; o < outer; o++)
        {
            foreach (var p in parts)
            {
                var block = p.Dims[a] * Count(p.Dims[(a + 1)..]);
                values.AddRange(p.Values.AsSpan((int)(o * block), (int)block));
            }
        }

        return new ConstantTensor(dims, [.. values], IsInteger && parts.All(p => p.IsInteger));
    }

    /// <summary>ONNX Slice: per listed axis, start, end (clamped) and step (negative steps walk backwards).</summary>
    public ConstantTensor Slice(long[] starts, long[] ends, long[] axes, long[] steps)
    {
        var first = new long[Rank];
        var step = Enumerable.Repeat(1L, Rank).ToArray();
        var dims = (long[])Dims.Clone();
        for (var i = 0; i < starts.Length; i++)
        {
            var a = Axis(axes[i], Rank, "Slice axis");
            var s = steps[i] != 0 ? steps[i] : throw new InvalidDataException("a Slice step is 0");
            var size = Dims[a];
            long Clamp(long v, long low, long high) => Math.Max(low, Math.Min(high, v < 0 ? v + size : v));
            var start = s > 0 ? Clamp(starts[i], 0, size) : Clamp(starts[i], -1, size - 1);
            var end = s > 0 ? Clamp(ends[i], 0, size) : Clamp(ends[i], -1, size - 1);
            first[a] = start;
            step[a] = s;
            dims[a] = Math.Max(0, s > 0 ? (end - start + s - 1) / s : (start - end - s - 1) / -s);
        }

        var from = Strides(Dims);
        var to = Strides(dims);
        var values = new double[Count(dims)];
        for (long k = 0; k < values.Length; k++)
        {
            long source = 0;
            for (var d = 0; d < Rank; d++)
            {
                source += (first[d] + ((k / to[d]) % dims[d] * step[d])) * from[d];
            }

            values[k] = Values[source];
        }

        return new ConstantTensor(dims, values, IsInteger);
    }

    public ConstantTensor Transpose(long[] perm)
    {
        if (perm.Length != Rank || perm.Order().Select((p, i) => p != i).Any(b => b))
        {
            throw new InvalidDataException($"perm [{string.Join(", ", perm)}] is not a permutation of a rank-{Rank} tensor's axes");
        }

        var dims = perm.Select(p => Dims[p]).ToArray();
        var from = Strides(Dims);
        var to = Strides(dims);
        var values = new double[Values.Length];
        for (long k = 0; k < values.Length; k++)
        {
            long source = 0;
            for (var d = 0; d < Rank; d++)
            {
                source += (k / to[d]) % dims[d] * from[perm[d]];
            }

            values[k] = Values[source];
        }

        return new ConstantTensor(dims, values, IsInteger);
    }

    /// <summary>ONNX Reshape dims for <paramref name="elements"/> values: 0 copies the input dim (unless allowzero), -1 is inferred.</summary>
    public static long[] ReshapeDims(long[] input, long[] shape, long elements, bool allowZero)
    {
        var dims = shape.Select((d, i) => d == 0 && !allowZero ? (i < input.Length ? input[i] : throw new InvalidDataException($"shape [{string.Join(", ", shape)}] copies dim {i} the input does not have")) : d).ToArray();
        var inferred = Array.IndexOf(dims, -1L);
        if (dims.Count(d => d == -1) > 1 || dims.Any(d => d < -1))
        {
            throw new InvalidDataException($"shape [{string.Join(", ", shape)}] has more than one -1 or a negative dim");
        }

        if (inferred >= 0)
        {
            var known = Count(dims.Where(d => d != -1));
            dims[inferred] = known > 0 && elements % known == 0 ? elements / known : throw new InvalidDataException($"shape [{string.Join(", ", shape)}] does not fit {elements} elements");
        }

        return Count(dims) == elements ? dims : throw new InvalidDataException($"shape [{string.Join(", ", shape)}] does not fit {elements} elements");
    }

    public ConstantTensor Reshape(long[] dims) => this with { Dims = dims };

    public ConstantTensor Unsqueeze(long[] axes)
    {
        var rank = Rank + axes.Length;
        var at = axes.Select(a => Axis(a, rank, "Unsqueeze axis")).ToHashSet();
        var source = 0;
        return this with { Dims = [.. Enumerable.Range(0, rank).Select(d => at.Contains(d) ? 1 : Dims[source++])] };
    }

    public ConstantTensor Squeeze(long[]? axes)
    {
        var at = axes?.Select(a => Axis(a, Rank, "Squeeze axis")).ToHashSet() ?? [.. Enumerable.Range(0, Rank).Where(d => Dims[d] == 1)];
        if (at.Any(d => Dims[d] != 1))
        {
            throw new InvalidDataException("Squeeze of a dimension other than 1");
        }

        return this with { Dims = [.. Dims.Where((_, d) => !at.Contains(d))] };
    }

    public ConstantTensor Cast(bool toInteger) => new(Dims, toInteger ? [.. Values.Select(v => double.IsNaN(v) ? v : Math.Truncate(v))] : Values, toInteger);

    /// <summary>Element-wise with numpy broadcasting; integer division truncates as ONNX's Div on integers does.</summary>
    public static ConstantTensor Broadcast(ConstantTensor a, ConstantTensor b, string op)
    {
        var rank = Math.Max(a.Rank, b.Rank);
        long[] Pad(long[] d) => [.. Enumerable.Repeat(1L, rank - d.Length), .. d];
        long[] da = Pad(a.Dims), db = Pad(b.Dims);
        var dims = new long[rank];
        for (var d = 0; d < rank; d++)
        {
            dims[d] = da[d] == db[d] || db[d] == 1 ? da[d] : da[d] == 1 ? db[d] : throw new InvalidDataException($"{op} of tensors [{string.Join(", ", a.Dims)}] and [{string.Join(", ", b.Dims)}] that do not broadcast");
        }

        var integer = a.IsInteger && b.IsInteger;
        var to = Strides(dims);
        long[] sa = Strides(da), sb = Strides(db);
        var values = new double[Count(dims)];
        for (long k = 0; k < values.Length; k++)
        {
            long ia = 0, ib = 0;
            for (var d = 0; d < rank; d++)
            {
                var i = (k / to[d]) % dims[d];
                ia += da[d] == 1 ? 0 : i * sa[d];
                ib += db[d] == 1 ? 0 : i * sb[d];
            }

            double x = a.Values[ia], y = b.Values[ib];
            values[k] = op switch
            {
                "Add" => x + y,
                "Sub" => x - y,
                "Mul" => x * y,
                "Div" when integer => y == 0 ? throw new InvalidDataException("integer division by 0") : Math.Truncate(x / y),
                "Div" => x / y,
                _ => throw new InvalidDataException($"{op} does not fold"),
            };
        }

        return new ConstantTensor(dims, values, integer);
    }
}
