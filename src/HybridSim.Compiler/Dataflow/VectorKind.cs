namespace HybridSim.Compiler.Dataflow;

/// <summary>Layers that run on the vector ALU only.</summary>
internal enum VectorKind
{
    Add,
    MaxPool,
    AvgPool,
    GlobalAvgPool,
    Activation,
}
