using System.Collections.Immutable;
using HybridSim.Specs.Architecture;

namespace HybridSim.Compiler.Mapping;

/// <summary>
/// Cuts a weight matrix into MVMU blocks. im2col: the window is unrolled (ky, kx, channel) into rows, cut every
/// MVMU-rows rows. per-offset (the PUMA compiler): one MVMU per kernel offset and channel tile. Grouped convolutions
/// (depthwise) pack as many groups as fit into one MVMU, block-diagonally.
/// </summary>
public static class MatrixTiler
{
    public static MatrixTiling Tile(MatrixShape shape, ConvMappingPolicy policy, int mvmuRows, int mvmuCols)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var perOffset = policy == ConvMappingPolicy.PerOffset && shape.KernelHeight * shape.KernelWidth > 1;
        var cpg = shape.ChannelsPerGroup;
        var opg = shape.OutputsPerGroup;
        var blocks = ImmutableArray.CreateBuilder<ColumnBlock>();
        var rowsPerGroupPerMvmu = perOffset ? cpg : shape.Rows;
        if (shape.Groups > 1 && rowsPerGroupPerMvmu <= mvmuRows && opg <= mvmuCols)
        {
            // Block-diagonal packing: g groups share an MVMU, their weights on the diagonal.
            var pack = Math.Min(mvmuRows / rowsPerGroupPerMvmu, mvmuCols / opg);
            for (var g0 = 0; g0 < shape.Groups; g0 += pack)
            {
                var g = Math.Min(pack, shape.Groups - g0);
                var rowBlocks = perOffset
                    ? Offsets(shape).Select(o => Block([new InputSegment(o.Ky, o.Kx, g0 * cpg, g * cpg, 0)], (long)g * cpg * opg)).ToImmutableArray()
                    : [Block(Unrolled(shape, g0 * cpg, g * cpg, 0, shape.KernelHeight * shape.KernelWidth * g * cpg), (long)g * shape.Rows * opg)];
                blocks.Add(new ColumnBlock(g0 * opg, g * opg, rowBlocks));
            }
        }
        else
        {
            for (var group = 0; group < shape.Groups; group++)
            {
                var c0 = group * cpg;
                var rowBlocks = ImmutableArray.CreateBuilder<ImmutableArray<InputSegment>>();
                if (perOffset)
                {
                    foreach (var (ky, kx) in Offsets(shape))
                    {
                        for (var c = 0; c < cpg; c += mvmuRows)
                        {
                            rowBlocks.Add([new InputSegment(ky, kx, c0 + c, Math.Min(mvmuRows, cpg - c), 0)]);
                        }
                    }
                }
                else
                {
                    for (var r = 0; r < shape.Rows; r += mvmuRows)
                    {
                        rowBlocks.Add(Unrolled(shape, c0, cpg, r, Math.Min(mvmuRows, shape.Rows - r)));
                    }
                }

                for (var o = 0; o < opg; o += mvmuCols)
                {
                    var cols = Math.Min(mvmuCols, opg - o);
                    blocks.Add(new ColumnBlock(
                        (group * opg) + o,
                        cols,
                        [.. rowBlocks.Select(segments => Block(segments, (long)segments.Sum(s => s.Length) * cols))]));
                }
            }
        }

        return new MatrixTiling(shape.Rows, shape.OutChannels, mvmuRows, mvmuCols, blocks.ToImmutable());
    }

    private static RowBlock Block(ImmutableArray<InputSegment> segments, long weights) =>
        new(segments, segments.Sum(s => s.Length), weights);

    private static IEnumerable<(int Ky, int Kx)> Offsets(MatrixShape shape)
    {
        for (var ky = 0; ky < shape.KernelHeight; ky++)
        {
            for (var kx = 0; kx < shape.KernelWidth; kx++)
            {
                yield return (ky, kx);
            }
        }
    }

    /// <summary>Rows [first, first + count) of the window unrolled as (ky, kx, channel) over channels [c0, c0 + channels).</summary>
    private static ImmutableArray<InputSegment> Unrolled(MatrixShape shape, int c0, int channels, int first, int count)
    {
        var segments = ImmutableArray.CreateBuilder<InputSegment>();
        var row = first;
        var end = first + count;
        while (row < end)
        {
            var offset = row / channels;
            var c = row % channels;
            var length = Math.Min(channels - c, end - row);
            segments.Add(new InputSegment(offset / shape.KernelWidth, offset % shape.KernelWidth, c0 + c, length, row - first));
            row += length;
        }

        return segments.ToImmutable();
    }
}
