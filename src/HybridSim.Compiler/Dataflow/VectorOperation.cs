using HybridSim.Specs.Architecture;

namespace HybridSim.Compiler.Dataflow;

/// <summary>A layer on the vector ALU of one core: residual add, pooling, or a stand-alone activation.</summary>
internal sealed class VectorOperation(int layerIndex, string name, TileKind kind, Tensor output, VectorKind vectorKind, IReadOnlyList<Tensor> inputs)
    : Operation(layerIndex, name, kind, output)
{
    public VectorKind VectorKind { get; } = vectorKind;

    public IReadOnlyList<Tensor> Inputs { get; } = inputs;

    public int KernelHeight { get; init; } = 1;

    public int KernelWidth { get; init; } = 1;

    public int Stride { get; init; } = 1;

    public int Padding { get; init; }

    /// <summary>Add: inputs after the first are option-A shortcuts (subsampled, zero-padded in channels).</summary>
    public bool PadShortcut { get; init; }

    /// <summary>Channels handled per step (bounded by the register file).</summary>
    public int Chunk { get; set; }
}
