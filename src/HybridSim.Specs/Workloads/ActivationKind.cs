namespace HybridSim.Specs.Workloads;

/// <summary>Element-wise activation functions (run on the vector ALU).</summary>
public enum ActivationKind
{
    None,
    Relu,
    Relu6,
    Sigmoid,
    Tanh,
}
