namespace HybridSim.Specs.Workloads;

/// <summary>Layer types of the workload graph.</summary>
public enum LayerKind
{
    Conv,
    Fc,
    MaxPool,
    AvgPool,
    GlobalAvgPool,
    BatchNorm,
    Activation,
    Add,
    Flatten,
}
