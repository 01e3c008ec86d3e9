using System.Collections.Immutable;

namespace HybridSim.Specs.Workloads;

/// <summary>
/// One layer of the workload graph with its inferred shapes. Fields that do not apply to a kind are 0 / None.
/// </summary>
/// <param name="Name">Unique layer name.</param>
/// <param name="Inputs">Names of the layers it reads (the workload input is named <c>input</c>); Add has two or more.</param>
/// <param name="OutChannels">Conv: output channels; Fc: output features.</param>
/// <param name="KernelHeight">Conv and pooling kernel height.</param>
/// <param name="KernelWidth">Conv and pooling kernel width.</param>
/// <param name="Stride">Conv and pooling stride.</param>
/// <param name="Padding">Conv and pooling zero padding on each side.</param>
/// <param name="Groups">Conv groups (Groups = Cin = Cout is depthwise).</param>
/// <param name="Bias">Whether a conv or fc layer has a bias vector.</param>
/// <param name="Activation">Activation kind for Activation layers; a fused activation on Conv/Fc.</param>
/// <param name="Rank">Per-layer LoBranch rank override, or null.</param>
/// <param name="InputShape">Shape of the (first) input.</param>
/// <param name="OutputShape">Inferred output shape.</param>
/// <param name="WeightLayerIndex">1-based freeze-x index of a weight layer (main-path order); for a projection shortcut, the index of
/// the first conv of the block it bypasses; 0 for layers without weights.</param>
/// <param name="IsProjection">True for a shortcut conv that goes where its block's first conv goes and has no index of its own.</param>
public sealed record LayerSpec(
    string Name,
    LayerKind Kind,
    ImmutableArray<string> Inputs,
    int OutChannels,
    int KernelHeight,
    int KernelWidth,
    int Stride,
    int Padding,
    int Groups,
    bool Bias,
    ActivationKind Activation,
    int? Rank,
    TensorShape InputShape,
    TensorShape OutputShape,
    int WeightLayerIndex,
    bool IsProjection,
    SourceLocation Location)
{
    /// <summary>Shapes of every input in <see cref="Inputs"/> order (an Add has several; the first equals
    /// <see cref="InputShape"/>). Empty only for records built by hand without it.</summary>
    public ImmutableArray<TensorShape> InputShapes { get; init; } = [];

    /// <summary>Add only: how the inputs after the first, parameter-free "option A" shortcuts subsampled by the
    /// integer ratio of their height to the output height, are zero-padded in channels up to the output's.</summary>
    public ShortcutPadding ShortcutPadding { get; init; }

    /// <summary>Add only: the inputs after the first are option-A shortcuts (any <see cref="ShortcutPadding"/>).</summary>
    public bool PadShortcut => ShortcutPadding != ShortcutPadding.None;

    /// <summary>For a projection shortcut, the name of the block's first conv whose placement it shares; else null.</summary>
    public string? ShortcutOf { get; init; }

    public bool HasWeights => Kind is LayerKind.Conv or LayerKind.Fc;

    /// <summary>Weight matrix rows (inputs per output): Kh·Kw·Cin/groups for conv, in-features for fc.</summary>
    public int MatrixRows => Kind switch
    {
        LayerKind.Conv => KernelHeight * KernelWidth * (InputShape.Channels / Groups),
        LayerKind.Fc => (int)InputShape.Elements,
        _ => 0,
    };

    /// <summary>Inputs of a LoBranch A matrix: the whole input window, dense even for grouped convolutions (Kh·Kw·Cin); in-features for fc.</summary>
    public long BranchInputs => Kind == LayerKind.Conv ? (long)KernelHeight * KernelWidth * InputShape.Channels : MatrixRows;

    /// <summary>Weight matrix columns (outputs): Cout for conv, out-features for fc.</summary>
    public int MatrixCols => HasWeights ? OutChannels : 0;

    /// <summary>Weights (without bias): rows × cols × groups.</summary>
    public long WeightCount => HasWeights ? (long)MatrixRows * OutChannels : 0;

    /// <summary>Parameters: weights plus bias (batch-norm layers count their scale and shift).</summary>
    public long ParameterCount => Kind switch
    {
        LayerKind.Conv or LayerKind.Fc => WeightCount + (Bias ? OutChannels : 0),
        LayerKind.BatchNorm => 2L * InputShape.Channels,
        _ => 0,
    };
}
