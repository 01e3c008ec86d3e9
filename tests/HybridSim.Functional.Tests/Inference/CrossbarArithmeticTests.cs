using HybridSim.Compiler.Mapping;
using HybridSim.Functional.Inference;
using HybridSim.Specs.Architecture;

namespace HybridSim.Functional.Tests.Inference;

/// <summary>
/// A 2 x 2 crossbar worked by hand (docs/model.md, "functional model"): 4-bit weights W = [[7, -3], [2, 5]] (out x in)
/// on 2-bit cells, 2-bit inputs x = [3, 1] through 1-bit DACs. Offset-encoded u = w + 8 = [[15, 5], [10, 13]],
/// slices (least significant first) 15 = (3, 3), 5 = (1, 1), 10 = (2, 2), 13 = (1, 3). Column values per
/// (slice, bit): (0,0) = [4, 3], (0,1) = [3, 2], (1,0) = [4, 5], (1,1) = [3, 2]; 8 · Σx = 32 is subtracted.
/// </summary>
public sealed class CrossbarArithmeticTests
{
    private static QuantizedMatrix TwoByTwo(int adcBits, AdcRange range, bool signedInput = false, double inputMax = 3, DeviceSpec? device = null)
    {
        var shape = new MatrixShape(1, 1, 2, 1, 2);
        var tiling = MatrixTiler.Tile(shape, ConvMappingPolicy.Im2Col, 2, 2);
        var geometry = new MatrixGeometry(2, 1, 1, 1, 1, 1, 0, 1, 2, 1, 1);
        var arithmetic = new AnalogArithmetic(4, 2, 2, 1, adcBits, 2, 2, range, device ?? DeviceSpec.Ideal);
        return new QuantizedMatrix("xbar", 0, TileKind.Analog, geometry, tiling, 4, 2, arithmetic, [7, -3, 2, 5], null, inputMax, signedInput);
    }

    private static float[] Exact(QuantizedMatrix m, float[] x, ulong seed = 1)
    {
        var chip = ProgrammedMatrix.Program(m, seed, withCells: true);
        var y = new float[2];
        MatrixKernel.Exact(chip, seed, x, 1, 0, y);
        return y;
    }

    private static float[] Fast(QuantizedMatrix m, float[] x, ulong seed = 1)
    {
        var chip = ProgrammedMatrix.Program(m, seed, withCells: false);
        var y = new float[2];
        MatrixKernel.Linear(m, chip.Effective, chip.OutputNoiseSigma, seed, x, 1, 0, m.WeightScale * m.InputScale, y);
        return y;
    }

    [Fact]
    public void Scales_are_one_for_the_hand_example()
    {
        var m = TwoByTwo(8, AdcRange.Clip);
        Assert.Equal((1.0, 1.0), (m.WeightScale, m.InputScale));
    }

    [Fact]
    public void Exact_path_with_a_wide_adc_gives_the_integer_product() =>
        Assert.Equal([18f, 11f], Exact(TwoByTwo(8, AdcRange.Clip), [3, 1]));

    [Fact]
    public void Fast_path_with_an_ideal_device_gives_the_integer_product() =>
        Assert.Equal([18f, 11f], Fast(TwoByTwo(8, AdcRange.Clip), [3, 1]));

    [Fact]
    public void Clipping_adc_saturates_column_values_above_its_top_level()
    {
        // 2-bit ADC, top level 3: the column values 4 and 5 read as 3. Column 0: 3 + 3·2 + 3·4 + 3·8 - 32 = 13;
        // column 1: 3 + 2·2 + 3·4 + 2·8 - 32 = 3.
        Assert.Equal([13f, 3f], Exact(TwoByTwo(2, AdcRange.Clip), [3, 1]));
    }

    [Fact]
    public void Full_range_adc_maps_the_column_range_onto_its_levels()
    {
        // Range R·(2^P - 1)·(2^D - 1) = 2·3·1 = 6 onto 3 levels: v -> round(v / 2)·2 (half to even): 4 -> 4, 3 -> 4,
        // 2 -> 2, 5 -> 4. Column 0: 4 + 4·2 + 4·4 + 4·8 - 32 = 28; column 1: 4 + 2·2 + 4·4 + 2·8 - 32 = 8.
        Assert.Equal([28f, 8f], Exact(TwoByTwo(2, AdcRange.Full), [3, 1]));
    }

    [Fact]
    public void Signed_inputs_weight_the_sign_bit_negatively()
    {
        // Two's complement, 2 bits, calibrated max |x| = 1: s_x = 1; x = [-2, 1]: y = [7·-2 - 3, 2·-2 + 5] = [-17, 1].
        var m = TwoByTwo(8, AdcRange.Clip, signedInput: true, inputMax: 1);
        Assert.Equal([-17f, 1f], Exact(m, [-2, 1]));
        Assert.Equal([-17f, 1f], Fast(m, [-2, 1]));
    }

    [Fact]
    public void Conductance_floor_is_removed_by_the_reference_column_before_the_adc()
    {
        // on/off 4 puts level 0 at 3 / (4 - 1) = 1 level; the reference column subtracts it from every column value,
        // so an ideal cell still reads its digit. The fast path sees exactly the same.
        var device = DeviceSpec.Ideal with { OnOffRatio = 4 };
        var m = TwoByTwo(8, AdcRange.Clip, device: device);
        Assert.Equal([18f, 11f], Exact(m, [3, 1]));
        Assert.Equal([18f, 11f], Fast(m, [3, 1]));
    }

    [Fact]
    public void Programming_variation_perturbs_the_product_and_the_same_seed_gives_the_same_chip()
    {
        var device = DeviceSpec.Ideal with { ProgrammingSigma = 0.3 };
        var m = TwoByTwo(8, AdcRange.Clip, device: device);
        var a = Fast(m, [3, 1], seed: 7);
        Assert.NotEqual([18f, 11f], a);
        Assert.Equal(a, Fast(m, [3, 1], seed: 7));
        Assert.NotEqual(a, Fast(m, [3, 1], seed: 8));
    }

    [Fact]
    public void Stuck_cells_at_the_highest_level_read_as_the_top_level()
    {
        // Every cell stuck high: each u reads 15 (both slices at 3), so each column is 15 · Σx - 8 · Σx = 7 · 4.
        var device = DeviceSpec.Ideal with { StuckAtHighRate = 1 };
        Assert.Equal([28f, 28f], Fast(TwoByTwo(8, AdcRange.Clip, device: device), [3, 1]));
        Assert.Equal([28f, 28f], Exact(TwoByTwo(8, AdcRange.Clip, device: device), [3, 1]));
    }

    [Fact]
    public void Wire_resistance_lowers_far_cells_more_and_grows_with_the_crossbar()
    {
        var device = DeviceSpec.Ideal with { WireResistanceOhms = 10, CellResistanceOhms = 1000 };
        var small = new AnalogArithmetic(4, 2, 2, 1, 8, 64, 64, AdcRange.Clip, device);
        var large = small with { CrossbarRows = 128, CrossbarCols = 128 };
        var nearSmall = CellProgramming.Program(small, 3, 63, 0, 1);
        var farSmall = CellProgramming.Program(small, 3, 0, 63, 1);
        var farLarge = CellProgramming.Program(large, 3, 0, 127, 1);
        Assert.True(nearSmall < 3 && farSmall < nearSmall && farLarge < farSmall, $"{nearSmall} {farSmall} {farLarge}");
    }

    [Fact]
    public void The_floor_shares_the_wire_drop_of_its_cell()
    {
        // With a floor, a level-0 cell still conducts, loses part of it to the wires, and the nominal reference
        // over-subtracts: the cell reads slightly below 0.
        var device = DeviceSpec.Ideal with { OnOffRatio = 4, WireResistanceOhms = 10, CellResistanceOhms = 1000 };
        var arithmetic = new AnalogArithmetic(4, 2, 2, 1, 8, 128, 128, AdcRange.Clip, device);
        Assert.True(CellProgramming.Program(arithmetic, 0, 0, 127, 1) < 0);
        Assert.Equal(0f, CellProgramming.Program(arithmetic with { Device = DeviceSpec.Ideal with { OnOffRatio = 4 } }, 0, 0, 127, 1));
    }
}
