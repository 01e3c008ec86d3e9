using HybridSim.Compiler.Mapping;
using HybridSim.Specs.Architecture;

namespace HybridSim.Compiler.Tests;

public sealed class MatrixTilerTests
{
    [Fact]
    public void Im2col_conv_of_144_rows_takes_two_128_row_mvmus()
    {
        // 3x3 conv, 16 -> 16 channels: 3*3*16 = 144 rows = 128 + 16.
        var tiling = MatrixTiler.Tile(new MatrixShape(3, 3, 16, 1, 16), ConvMappingPolicy.Im2Col, 128, 128);

        Assert.Equal(2, tiling.Mvmus);
        var block = Assert.Single(tiling.ColumnBlocks);
        Assert.Equal(128, block.RowBlocks[0].Rows);
        Assert.Equal(8, block.RowBlocks[0].Segments.Length); // 8 window pixels of 16 channels
        Assert.Equal(new InputSegment(2, 1, 0, 16, 112), block.RowBlocks[0].Segments[^1]);
        Assert.Equal([new InputSegment(2, 2, 0, 16, 0)], block.RowBlocks[1].Segments.ToArray());
        Assert.Equal(144.0 * 16 / (2 * 128 * 128), tiling.Utilization, 12);
    }

    [Fact]
    public void Per_offset_conv_takes_one_mvmu_per_kernel_offset()
    {
        var tiling = MatrixTiler.Tile(new MatrixShape(3, 3, 16, 1, 16), ConvMappingPolicy.PerOffset, 128, 128);

        Assert.Equal(9, tiling.Mvmus);
        Assert.All(tiling.ColumnBlocks[0].RowBlocks, r => Assert.Equal(16, r.Rows));
        Assert.Equal(144.0 * 16 / (9 * 128 * 128), tiling.Utilization, 12);
    }

    [Theory]
    [InlineData(ConvMappingPolicy.Im2Col, 36)] // 2304 rows / 128 = 18 row blocks x 2 column blocks
    [InlineData(ConvMappingPolicy.PerOffset, 36)] // 9 offsets x 2 channel tiles x 2 column blocks
    public void Wide_conv_tiles_rows_and_columns(ConvMappingPolicy policy, int mvmus)
    {
        var tiling = MatrixTiler.Tile(new MatrixShape(3, 3, 256, 1, 200), policy, 128, 128);

        Assert.Equal(mvmus, tiling.Mvmus);
        Assert.Equal([0, 128], tiling.ColumnBlocks.Select(c => c.OutStart));
        Assert.Equal([128, 72], tiling.ColumnBlocks.Select(c => c.OutCount));
    }

    [Fact]
    public void Fully_connected_784_by_512_takes_28_mvmus_at_seven_eighths_utilization()
    {
        // An fc is a window over its whole input: 1x28x28 = 784 rows -> 7 row blocks, 512 columns -> 4 column blocks.
        var tiling = MatrixTiler.Tile(new MatrixShape(28, 28, 1, 1, 512), ConvMappingPolicy.Im2Col, 128, 128);

        Assert.Equal(28, tiling.Mvmus);
        Assert.Equal(784.0 * 512 / (28 * 128 * 128), tiling.Utilization, 12);
    }

    [Fact]
    public void Depthwise_conv_packs_fourteen_channels_per_mvmu_block_diagonally()
    {
        // 32 groups of 9 rows x 1 column: 128 / 9 = 14 groups per MVMU -> 14 + 14 + 4.
        var tiling = MatrixTiler.Tile(new MatrixShape(3, 3, 32, 32, 32), ConvMappingPolicy.Im2Col, 128, 128);

        Assert.Equal(3, tiling.Mvmus);
        Assert.Equal([14, 14, 4], tiling.ColumnBlocks.Select(c => c.OutCount));
        Assert.Equal(32 * 9, tiling.WeightsHeld);
        Assert.Equal([new InputSegment(0, 0, 14, 14, 0)], tiling.ColumnBlocks[1].RowBlocks[0].Segments.Take(1).ToArray());
    }

    [Fact]
    public void Depthwise_conv_per_offset_packs_all_channels_into_one_mvmu_per_offset()
    {
        var tiling = MatrixTiler.Tile(new MatrixShape(3, 3, 32, 32, 32), ConvMappingPolicy.PerOffset, 128, 128);

        Assert.Equal(9, tiling.Mvmus);
        Assert.Equal(32 * 9, tiling.WeightsHeld);
    }
}
