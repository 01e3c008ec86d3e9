using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Mapping;

/// <summary>
/// The weight matrices of a conv or fc layer as the hardware holds them: the main W, and for a LoBranch rank r the
/// branch A (dense over the whole window, r outputs) and B (1×1, r inputs). The compiler and the functional model
/// both cut them with these shapes, so a row block means the same thing to cost and to accuracy.
/// </summary>
public static class LayerMatrices
{
    /// <summary>The main matrix W over <paramref name="window"/>, the tensor the layer reads with batch-norm and flatten
    /// seen through (an fc after a flatten reads the C×H×W tensor before it as an H×W window).</summary>
    public static MatrixShape Main(LayerSpec layer, TensorShape window)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(window);
        return layer.Kind == LayerKind.Conv
            ? new MatrixShape(layer.KernelHeight, layer.KernelWidth, window.Channels, layer.Groups, layer.OutChannels)
            : new MatrixShape(window.Height, window.Width, window.Channels, 1, layer.OutChannels);
    }

    /// <summary>The branch A: the main matrix's window, dense (groups 1), <paramref name="rank"/> outputs.</summary>
    public static MatrixShape BranchA(LayerSpec layer, TensorShape window, int rank)
    {
        var main = Main(layer, window);
        return new MatrixShape(main.KernelHeight, main.KernelWidth, window.Channels, 1, rank);
    }

    /// <summary>The branch B: a 1×1 window over A's <paramref name="rank"/> outputs.</summary>
    public static MatrixShape BranchB(LayerSpec layer, int rank)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return new MatrixShape(1, 1, rank, 1, layer.OutChannels);
    }

    /// <summary>Cuts a matrix into the MVMU blocks of the tiles of <paramref name="kind"/>; per-offset applies to the main
    /// matrix of a convolution only (a fully connected layer and the branches are plain matrices).</summary>
    public static MatrixTiling Tile(ArchitectureSpec architecture, TileKind kind, MatrixShape shape, bool perOffsetAllowed)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var mvmu = architecture.Tile(kind).Core.Mvmu;
        var policy = perOffsetAllowed ? architecture.ConvMapping : ConvMappingPolicy.Im2Col;
        return MatrixTiler.Tile(shape, policy, mvmu.Rows, mvmu.Cols);
    }

    /// <summary>The tensor a weight layer's matrix reads: its input, seen through batch-norm and flatten layers.</summary>
    public static TensorShape Window(WorkloadSpec workload, LayerSpec layer)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(layer);
        var name = layer.Inputs.IsDefaultOrEmpty ? "input" : layer.Inputs[0];
        while (name != "input")
        {
            var producer = workload.Layer(name);
            if (producer.Kind is not (LayerKind.BatchNorm or LayerKind.Flatten))
            {
                return producer.OutputShape;
            }

            name = producer.Inputs.IsDefaultOrEmpty ? "input" : producer.Inputs[0];
        }

        return workload.InputShape;
    }
}
