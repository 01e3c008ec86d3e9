using HybridSim.Compiler.Mapping;
using HybridSim.Specs.Architecture;

namespace HybridSim.Functional.Inference;

/// <summary>
/// One weight matrix (a layer's W, or a LoBranch A or B) ready for fixed-point inference: cut into the compiler's
/// column and row blocks, its weights quantized per layer (s_w), its input scale s_x from calibration. Device
/// independent; a programmed chip (<see cref="ProgrammedMatrix"/>) adds the cells.
/// </summary>
public sealed class QuantizedMatrix
{
    internal QuantizedMatrix(string name, int id, TileKind placement, MatrixGeometry geometry, MatrixTiling tiling, int weightBits, int inputBits,
        AnalogArithmetic? analog, float[] weights, float[]? bias, double inputMax, bool signedInput)
        : this(name, id, placement, geometry, tiling, weightBits, inputBits, analog, weights, bias, signedInput, FixedPoint.InputScale(inputMax, signedInput, inputBits))
    {
    }

    private QuantizedMatrix(string name, int id, TileKind placement, MatrixGeometry geometry, MatrixTiling tiling, int weightBits, int inputBits,
        AnalogArithmetic? analog, float[] weights, float[]? bias, bool signedInput, double inputScale)
    {
        Name = name;
        Id = id;
        Placement = placement;
        Geometry = geometry;
        Tiling = tiling;
        WeightBits = weightBits;
        InputBits = inputBits;
        Analog = analog;
        Weights = weights;
        Bias = bias;
        SignedInput = signedInput;
        WeightScale = FixedPoint.WeightScale(weights, weightBits);
        InputScale = inputScale;
        var blocks = tiling.ColumnBlocks.Length;
        Rows = new MatrixRows[blocks][];
        StackedRows = new MatrixRows[blocks];
        Quantized = new int[blocks][];
        for (var b = 0; b < blocks; b++)
        {
            var block = tiling.ColumnBlocks[b];
            Rows[b] = [.. block.RowBlocks.Select(MatrixRows.Of)];
            StackedRows[b] = MatrixRows.Stack(Rows[b]);
            Quantized[b] = BlockMatrix(b, index => index < 0 ? 0 : (int)FixedPoint.QuantizeWeight(weights[index], WeightScale, weightBits));
        }
    }

    public string Name { get; }

    /// <summary>Distinguishes the matrix's random draws from every other matrix's.</summary>
    public int Id { get; }

    public TileKind Placement { get; }

    public MatrixGeometry Geometry { get; }

    public MatrixTiling Tiling { get; }

    public int WeightBits { get; }

    public int InputBits { get; }

    /// <summary>The analog MVMU's arithmetic, or null for a digital matrix (exact integer MACs).</summary>
    public AnalogArithmetic? Analog { get; }

    /// <summary>Float weights in the PyTorch layout (<see cref="MatrixGeometry.WeightIndex"/>), batch-norm folded in.</summary>
    public float[] Weights { get; }

    public float[]? Bias { get; }

    public bool SignedInput { get; }

    public double WeightScale { get; }

    public double InputScale { get; }

    /// <summary>Per column block, per row block: which input each MVMU row reads.</summary>
    internal MatrixRows[][] Rows { get; }

    /// <summary>Per column block: its row blocks' rows stacked.</summary>
    internal MatrixRows[] StackedRows { get; }

    /// <summary>Per column block: w_q, stacked rows × the block's columns.</summary>
    internal int[][] Quantized { get; }

    /// <summary>The same matrix (geometry, tiling, input scale, identity) holding other weights: a branch being trained.</summary>
    internal QuantizedMatrix WithWeights(float[] weights) =>
        new(Name, Id, Placement, Geometry, Tiling, WeightBits, InputBits, Analog, weights, Bias, SignedInput, InputScale);

    /// <summary>
    /// A column block's matrix, stacked rows × the block's columns, each entry computed from the weight's index in
    /// <see cref="Weights"/> (-1 for the zeros between the groups packed block-diagonally into one MVMU).
    /// </summary>
    internal T[] BlockMatrix<T>(int block, Func<int, T> entry)
    {
        var cb = Tiling.ColumnBlocks[block];
        var rows = StackedRows[block];
        var matrix = new T[rows.Count * cb.OutCount];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < cb.OutCount; j++)
            {
                matrix[(i * cb.OutCount) + j] = entry(Geometry.WeightIndex(cb.OutStart + j, rows.Channel[i], rows.Ky[i], rows.Kx[i]));
            }
        }

        return matrix;
    }
}
