namespace HybridSim.Isa;

/// <summary>Which storage a register address names.</summary>
public enum RegisterSpace
{
    MvmuInput,
    MvmuOutput,
    Data,
}
